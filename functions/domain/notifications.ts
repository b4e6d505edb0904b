import { contactChannels } from './channels';
import type { RegistrationRecord } from './schemas';

/**
 * Which emails a registration change causes. The data layer writes them as outbox jobs in the same
 * transaction as the change, so an email exists exactly when its cause does.
 */
export const emailKinds = [
  'registration_received',
  'ticket',
  'waitlisted',
  'promoted',
  'changed',
  'cancelled',
  'reminder',
  'sign_in',
  // The contact asked for their manage link again (they lost the first email)
  'manage_link',
  // Follow-ups: sent by campaigns, non-transactional (unsubscribe link, suppression respected)
  'thanks',
  'absentee_materials',
  'invitation',
  'cooperative_followup',
] as const;
export type EmailKind = (typeof emailKinds)[number];

export type EmailJobInput = {
  kind: EmailKind;
  to: string;
  language: 'id' | 'en';
  registrationId?: string;
  participantId?: string;
  /**
   * The email shows the contact's manage link. The worker derives it from the registration id when it renders
   * the email, so the job never holds it.
   */
  manageLink?: boolean;
  /** A sign-in email's link id: the worker derives the link from it; the id alone opens nothing. */
  signInLinkId?: string;
  /**
   * A campaign's email shows its recipient's unsubscribe link. Like the manage link, the worker derives
   * it (from `campaignId` and `recipientKey`) when it renders the email; test sends and previews have none.
   */
  unsubscribeLink?: boolean;
  /** An invitation email's personal link: the invitation's nonce, from which the worker derives it. */
  invitationNonce?: string;
  /** Follow-ups: the campaign and the recipient it was written for. */
  campaignId?: string;
  recipientKey?: string;
  eventId?: string;
  cooperativeId?: string;
  recipientName?: string;
  /** A "send a test to yourself": rendered for `recipientKey`'s data, addressed to the organizer. */
  test?: boolean;
  /** Absent: email. `whatsapp`: a template message to the phone number in `to` (functions/whatsapp). */
  channel?: 'whatsapp';
  /** A WhatsApp message that fails for good becomes an email to the registration's contact address. */
  fallbackEmail?: boolean;
};

export type RegistrationCause = 'created' | 'waitlisted' | 'promoted' | 'changed' | 'cancelled';

const contactKind: Record<RegistrationCause, EmailKind> = {
  created: 'registration_received',
  waitlisted: 'waitlisted',
  promoted: 'promoted',
  changed: 'changed',
  cancelled: 'cancelled',
};

export function emailsFor(
  cause: RegistrationCause,
  registration: RegistrationRecord,
  options: { manageLink?: boolean; ticketsFor?: string[] } = {},
): EmailJobInput[] {
  const jobs: EmailJobInput[] = [];
  const base = { language: registration.language, registrationId: registration.id };
  const channels = contactChannels(registration);
  if (registration.contact.email && channels.email) {
    jobs.push({
      ...base,
      kind: contactKind[cause],
      to: registration.contact.email,
      ...(options.manageLink ? { manageLink: true } : {}),
    });
  }
  // Officers with their own address get their own ticket once it is valid: on confirmation, on promotion, or
  // when a change gives them a new ticket (a substitute). Waitlisted officers wait for the promotion email.
  const sendsTickets = cause === 'created' || cause === 'promoted' || cause === 'changed';
  if (sendsTickets && registration.status === 'confirmed') {
    for (const participant of registration.participants) {
      if (!participant.email || participant.email === registration.contact.email) continue;
      if (options.ticketsFor && !options.ticketsFor.includes(participant.id)) continue;
      jobs.push({ ...base, kind: 'ticket', to: participant.email, participantId: participant.id });
    }
  }
  if (cause === 'cancelled') {
    for (const participant of registration.participants) {
      if (!participant.email || participant.email === registration.contact.email) continue;
      jobs.push({ ...base, kind: 'cancelled', to: participant.email, participantId: participant.id });
    }
  }
  if (channels.whatsapp) jobs.push(...whatsappJobsFor(cause, registration, options, channels.fallbackEmail));
  return jobs;
}

/**
 * The same messages on WhatsApp, all to the contact's number (the one that agreed): the notice with the manage
 * link, and once tickets are valid one ticket per officer, each with its own QR.
 */
function whatsappJobsFor(
  cause: RegistrationCause,
  registration: RegistrationRecord,
  options: { manageLink?: boolean; ticketsFor?: string[] },
  fallbackEmail: boolean,
): EmailJobInput[] {
  const base = {
    language: registration.language,
    registrationId: registration.id,
    to: registration.contact.phone,
    channel: 'whatsapp' as const,
    ...(fallbackEmail ? { fallbackEmail: true } : {}),
  };
  // The WhatsApp notice always carries the manage link as its button: it is the only way back to the tickets.
  const jobs: EmailJobInput[] = [{ ...base, kind: contactKind[cause], manageLink: true }];
  const sendsTickets = cause === 'created' || cause === 'promoted' || cause === 'changed';
  if (sendsTickets && registration.status === 'confirmed') {
    for (const participant of registration.participants) {
      if (options.ticketsFor && !options.ticketsFor.includes(participant.id)) continue;
      jobs.push({ ...base, kind: 'ticket', participantId: participant.id });
    }
  }
  return jobs;
}
