import { recordConsent, recordContactConsent, recordWhatsAppConsent } from './consent';
import { DomainError, type ValidationIssue } from './errors';
import { issueMessage } from './messages';
import type {
  AssistedEntry,
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

/** A name as people compare names: case, repeated spaces and dots after initials do not make another person. */
const sameName = (name: string) =>
  name
    .toLocaleLowerCase('id')
    .replace(/[.\s]+/g, ' ')
    .trim();

/**
 * Each officer once per registration: the same name twice, or the same phone twice (the contact is not
 * compared: one person may coordinate and attend). Every repeat is marked on its own field.
 */
function assertDistinctOfficers(participants: { name: string; phone?: string }[], language: Language) {
  const names = new Set<string>();
  const phones = new Set<string>();
  const issues: ValidationIssue[] = [];
  const repeat = (index: number, field: 'name' | 'phone', code: string) =>
    issues.push({
      path: ['participants', index, field],
      code,
      message: issueMessage(code, language) as string,
    });
  participants.forEach((participant, index) => {
    const name = sameName(participant.name);
    if (names.has(name)) repeat(index, 'name', 'duplicate_name_in_request');
    names.add(name);
    if (!participant.phone) return;
    if (phones.has(participant.phone)) repeat(index, 'phone', 'duplicate_phone_in_request');
    phones.add(participant.phone);
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
  assisted?: AssistedEntry,
): RegistrationRecord {
  if (!registrationOpen(event, now)) throw new DomainError('registration_closed');
  // A refusal the form can show beside the cooperative, keeping what was typed (the page says who is invited).
  if (!isInvited(event, cooperative)) {
    throw new DomainError('validation', {}, [
      {
        path: ['cooperativeId'],
        code: 'cooperative_not_invited',
        message: issueMessage('cooperative_not_invited', language) as string,
      },
    ]);
  }
  assertWithinLimit(event, input.participants.length);
  assertDistinctOfficers(input.participants, language);

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
      ...(assisted ? { assisted } : {}),
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
    Partial<Pick<RegistrationRecord, 'assisted' | 'whatsappConsent' | 'messageChannels'>>,
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
    assertDistinctOfficers(change.participants, language);
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
        // Who they stand in for: the roster and the daftar hadir show it, and a second change keeps it.
        ...(existing && !sameHolder
          ? { substituteFor: existing.substituteFor ?? existing.name }
          : existing?.substituteFor
            ? { substituteFor: existing.substituteFor }
            : {}),
      };
    });
  }
  const contact = change.contact ?? current.contact;
  const { whatsappConsent: _given, ...rest } = current;
  return {
    ...rest,
    ...whatsAppConsentAfter(current, contact.phone, change.whatsapp === true, event, now, language),
    contact,
    participants,
    updatedAt: now.toISOString(),
    version: current.version + 1,
  };
}

/**
 * WhatsApp consent was given for one number: a new number gets no message until its owner agrees, so a changed
 * phone drops the consent unless the same change gives it again. An unchanged number keeps what was given (it
 * is withdrawn by replying BERHENTI), and a contact who had not agreed may agree on the manage page.
 */
function whatsAppConsentAfter(
  current: RegistrationRecord,
  phone: string,
  agreed: boolean,
  event: EventRecord,
  now: Date,
  language: Language,
): Pick<RegistrationRecord, 'whatsappConsent' | 'messageChannels'> {
  const samePhone = phone === current.contact.phone;
  if (samePhone && current.whatsappConsent) return { whatsappConsent: current.whatsappConsent };
  if (!agreed) return {};
  return {
    whatsappConsent: recordWhatsAppConsent(language, now),
    ...(event.messageChannels ? { messageChannels: event.messageChannels } : {}),
  };
}

export function assertCancellable(registration: Registration, event: EventRecord, now: Date) {
  if (registration.status === 'cancelled') throw new DomainError('registration_closed');
  if (!event.cancelled && now.getTime() >= Date.parse(event.registrationDeadline)) {
    throw new DomainError('registration_closed');
  }
}
