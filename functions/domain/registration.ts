import { recordConsent, recordContactConsent, recordWhatsAppConsent } from './consent';
import { DomainError, type ValidationIssue } from './errors';
import { issueMessage } from './messages';
import type {
  Cooperative,
  EventRecord,
  Language,
  ParticipantRecord,
  Registration,
  RegistrationChangeInput,
  RegistrationInput,
  RegistrationRecord,
} from './schemas';
import { newId } from './tokens';

/** Plain rules about who may register what, when. No storage, no HTTP: the caller brings the facts. */

export function registrationOpen(event: EventRecord, now: Date): boolean {
  return event.published && !event.cancelled && now.getTime() < Date.parse(event.registrationDeadline);
}

export const seatsLeft = (event: EventRecord): number => Math.max(0, event.capacity - event.seatsTaken);

export function isInvited(event: EventRecord, cooperative: Cooperative): boolean {
  if (cooperative.regencyCode !== event.regencyCode) return false;
  return (
    event.invitedDistrictCodes.length === 0 || event.invitedDistrictCodes.includes(cooperative.districtCode)
  );
}

/** Each listed phone (contact excluded: one person may coordinate and attend) once per registration. */
function assertDistinctPhones(participants: { phone?: string }[], language: Language) {
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  participants.forEach((participant, index) => {
    if (!participant.phone) return;
    if (seen.has(participant.phone)) {
      issues.push({
        path: ['participants', index, 'phone'],
        code: 'duplicate_phone_in_request',
        message: issueMessage('duplicate_phone_in_request', language) as string,
      });
    }
    seen.set(participant.phone, index);
  });
  if (issues.length) throw new DomainError('validation', {}, issues);
}

function assertWithinLimit(event: EventRecord, count: number) {
  if (count > event.maxPerCooperative) {
    throw new DomainError('too_many_participants', { max: event.maxPerCooperative });
  }
}

/** Phones that must be unique within the session: officers' phones. */
export const phonesOf = (registration: Pick<RegistrationRecord, 'participants'>): string[] =>
  registration.participants.flatMap((participant) => (participant.phone ? [participant.phone] : []));

export function prepareRegistration(
  input: RegistrationInput,
  event: EventRecord,
  cooperative: Cooperative,
  now: Date,
  language: Language,
): RegistrationRecord {
  if (!registrationOpen(event, now)) throw new DomainError('registration_closed');
  if (!isInvited(event, cooperative)) throw new DomainError('not_found');
  assertWithinLimit(event, input.participants.length);
  assertDistinctPhones(input.participants, language);

  const participants: ParticipantRecord[] = input.participants.map((participant) => ({
    id: newId(),
    name: participant.name,
    role: participant.role,
    phone: participant.phone,
    email: participant.email,
  }));
  return newRegistration(
    event.id,
    cooperative,
    {
      contact: input.contact,
      participants,
      consent: recordConsent(input.language ?? language, now),
      contactConsent: input.keepContact ? recordContactConsent(input.language ?? language, now) : undefined,
      ...(input.whatsapp
        ? {
            whatsappConsent: recordWhatsAppConsent(input.language ?? language, now),
            ...(event.messageChannels ? { messageChannels: event.messageChannels } : {}),
          }
        : {}),
      language: input.language ?? language,
    },
    now,
  );
}

/**
 * A cooperative's new confirmed registration, as the form and the door create one. No ticket codes and no manage
 * token: the data layer derives both from the ids (tokens.ts).
 */
export function newRegistration(
  eventId: string,
  cooperative: Cooperative,
  fields: Pick<RegistrationRecord, 'contact' | 'participants' | 'consent' | 'contactConsent' | 'language'> &
    Partial<Pick<RegistrationRecord, 'whatsappConsent' | 'messageChannels'>>,
  now: Date,
): RegistrationRecord {
  const at = now.toISOString();
  return {
    id: newId(),
    eventId,
    cooperativeId: cooperative.id,
    cooperativeName: cooperative.name,
    districtCode: cooperative.districtCode,
    status: 'confirmed',
    ...fields,
    createdAt: at,
    updatedAt: at,
    queuedAt: at,
    version: 1,
  };
}

/**
 * Applies a manage-link change. Participants sent with their id keep it, and with it their ticket; one whose name
 * changed is a substitute, a new participant with a new id, so a new ticket code (the code is derived from the
 * id) and the absent officer's QR stops working.
 */
export function applyRegistrationChange(
  current: RegistrationRecord,
  change: RegistrationChangeInput,
  event: EventRecord,
  now: Date,
  language: Language,
): RegistrationRecord {
  if (current.status === 'cancelled') throw new DomainError('registration_closed');
  if (!registrationOpen(event, now)) throw new DomainError('registration_closed');
  let participants = current.participants;
  if (change.participants) {
    assertWithinLimit(event, change.participants.length);
    assertDistinctPhones(change.participants, language);
    const byId = new Map(current.participants.map((participant) => [participant.id, participant]));
    participants = change.participants.map((next) => {
      const existing = next.id ? byId.get(next.id) : undefined;
      if (next.id && !existing) throw new DomainError('not_found');
      const sameHolder = existing && existing.name === next.name;
      return {
        id: sameHolder ? existing.id : newId(),
        name: next.name,
        role: next.role,
        phone: next.phone,
        email: next.email,
      };
    });
  }
  return {
    ...current,
    contact: change.contact ?? current.contact,
    participants,
    updatedAt: now.toISOString(),
    version: current.version + 1,
  };
}

export function assertCancellable(registration: Registration, event: EventRecord, now: Date) {
  if (registration.status === 'cancelled') throw new DomainError('registration_closed');
  if (!event.cancelled && now.getTime() >= Date.parse(event.registrationDeadline)) {
    throw new DomainError('registration_closed');
  }
}
