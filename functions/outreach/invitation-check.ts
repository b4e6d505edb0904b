import type { Store } from '../db/store';
import { DomainError } from '../domain/errors';
import { isInvitationCode } from '../domain/invitation-code';
import { formatPhoneLocal } from '../domain/phone';
import type { EventRecord, Language } from '../domain/schemas';
import { hashSecret } from '../domain/tokens';

export const invitationMessages = {
  invalid_invitation: {
    id: 'Tautan undangan tidak berlaku untuk sesi ini. Periksa kembali tautan dari undangan Anda atau hubungi penyelenggara.',
    en: 'This invitation link is not valid for this session. Check the link in your invitation or contact the organizer.',
  },
  wrong_cooperative: {
    id: 'Tautan undangan ini hanya untuk koperasi yang tercantum pada undangan.',
    en: 'This invitation link is only for the cooperative named in the invitation.',
  },
  invitation_required: {
    id: 'Pendaftaran sesi ini hanya melalui tautan undangan pribadi koperasi Anda.',
    en: 'This session only accepts registrations through your cooperative’s personal invitation link.',
  },
} as const;
export type InvitationProblem = keyof typeof invitationMessages;

export function invitationError(problem: InvitationProblem, language: Language): DomainError {
  return new DomainError('validation', {}, [
    { path: ['undangan'], code: problem, message: invitationMessages[problem][language] },
  ]);
}

/** The cooperative a personal code invites to `eventId`, or undefined for a malformed, unknown or other-session code. */
export async function resolveInvitation(
  store: Store,
  eventId: string,
  code: string,
): Promise<string | undefined> {
  if (!isInvitationCode(code)) return undefined;
  const found = await store.invitations.findByCodeHash(hashSecret(code));
  return found && found.eventId === eventId ? found.cooperativeId : undefined;
}

/**
 * The registration rule: a code, when given, must be this session's and this cooperative's; a session that
 * requires invitations refuses a registration without one. Throws a 400 naming the `undangan` field.
 */
export async function assertInvitation(
  store: Store,
  event: Pick<EventRecord, 'id' | 'requireInvitation'>,
  cooperativeId: string,
  code: string | undefined,
  language: Language,
): Promise<void> {
  if (!code) {
    if (event.requireInvitation) throw invitationError('invitation_required', language);
    return;
  }
  const invited = await resolveInvitation(store, event.id, code);
  if (!invited) throw invitationError('invalid_invitation', language);
  if (invited !== cooperativeId) throw invitationError('wrong_cooperative', language);
}

/**
 * The contact the organizer imported for an invited cooperative, to pre-fill the registration form opened from
 * that cooperative's personal link: the ketua typing on a phone finds their own name and number already there and
 * only checks them. Nothing when the session's organisation keeps no contact for it.
 */
export async function invitedContact(
  store: Store,
  eventId: string,
  cooperativeId: string,
): Promise<{ name?: string; phone?: string; email?: string } | undefined> {
  const event = await store.events.get(eventId);
  if (!event?.organisationId) return undefined;
  const contact = await store.contacts.get(event.organisationId, cooperativeId);
  if (!contact || (!contact.name && !contact.phone && !contact.email)) return undefined;
  return {
    name: contact.name,
    phone: contact.phone ? formatPhoneLocal(contact.phone) : undefined,
    email: contact.email,
  };
}
