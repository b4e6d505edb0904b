import type { RegistrationRecord } from './schemas';

/**
 * Which channel carries a message, from what the person gave and agreed to and the organizer's setting:
 * WhatsApp only to a number whose owner ticked the WhatsApp consent; email to an address; with both, `both`
 * sends on each and `whatsapp_first` keeps the email back as the fallback for a WhatsApp message that fails.
 */
export type Channel = 'email' | 'whatsapp';
export type ChannelPolicy = 'both' | 'whatsapp_first';

export type ChannelChoice = {
  email: boolean;
  whatsapp: boolean;
  /** A WhatsApp message that fails for good is sent again as an email to this person. */
  fallbackEmail: boolean;
};

export function channelsFor(
  person: { phone?: string; email?: string; whatsappConsent?: unknown },
  policy: ChannelPolicy = 'both',
): ChannelChoice {
  const whatsapp = Boolean(person.whatsappConsent && person.phone);
  const email = Boolean(person.email) && (!whatsapp || policy === 'both');
  return { whatsapp, email, fallbackEmail: whatsapp && !email && Boolean(person.email) };
}

/** The registration's contact, the one person who agreed to WhatsApp for it. */
export const contactChannels = (
  registration: Pick<RegistrationRecord, 'contact' | 'whatsappConsent' | 'messageChannels'>,
  policy: ChannelPolicy | undefined = registration.messageChannels,
) => channelsFor({ ...registration.contact, whatsappConsent: registration.whatsappConsent }, policy);

/**
 * Replies that withdraw WhatsApp consent, as people type them: BERHENTI (what the templates tell them), STOP, and
 * the usual Indonesian variants, in any case, with stray punctuation.
 */
const STOP_WORDS = new Set([
  'BERHENTI',
  'STOP',
  'UNSUBSCRIBE',
  'STOP PESAN',
  'BERHENTI LANGGANAN',
  'JANGAN KIRIM',
]);
const START_WORDS = new Set(['MULAI', 'START', 'LANJUT']);

const normalised = (text: string) =>
  text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const isStopReply = (text: string) => STOP_WORDS.has(normalised(text));
export const isStartReply = (text: string) => START_WORDS.has(normalised(text));
