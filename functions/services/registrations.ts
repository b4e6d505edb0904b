import { createHash } from 'node:crypto';
import type { StoredRegistration } from '../db/registrations-repo';
import type { Store } from '../db/store';
import { DomainError } from '../domain/errors';
import { normalizeIndonesianPhone } from '../domain/phone';
import { anonymized } from '../domain/privacy';
import { applyRegistrationChange, assertCancellable, prepareRegistration } from '../domain/registration';
import type {
  AssistedEntry,
  Language,
  ManageLinkRequest,
  Participant,
  Registration,
  RegistrationChangeInput,
  RegistrationInput,
  RegistrationRecord,
} from '../domain/schemas';
import { hashSecret, secretMatches } from '../domain/tokens';
import { assertInvitation } from '../outreach/invitation-check';

type PublicRegistration = ReturnType<typeof publicRegistration>;

/** What a client gets back after registering; also what an idempotent replay returns. */
const registrationResponse = (registration: PublicRegistration, manageToken: string) => ({
  registration,
  manageToken,
});

/** What an idempotency record keeps of that response: no secret of any kind. */
type StoredResponse = { registration: PublicRegistration };

/**
 * Ticket codes come along when the registration has them, as every registration read from the store does; the
 * response an idempotency record keeps is built without them, and a replay adds them again.
 */
export function publicRegistration(registration: RegistrationRecord) {
  return {
    id: registration.id,
    eventId: registration.eventId,
    cooperativeId: registration.cooperativeId,
    cooperativeName: registration.cooperativeName,
    status: registration.status,
    contact: registration.contact,
    participants: registration.participants.map((participant) => ({
      id: participant.id,
      name: participant.name,
      role: participant.role,
      phone: participant.phone,
      email: participant.email,
      ticketCode: (participant as Participant).ticketCode,
    })),
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
  };
}

/** Stable JSON (sorted keys) so the same body always hashes the same, whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function createRegistrationService(store: Store, clock: () => Date = () => new Date()) {
  async function register(
    eventId: string,
    input: RegistrationInput,
    options: {
      language: Language;
      idempotencyKey?: string;
      invitationCode?: string;
      /** Entered in the console on the cooperative's behalf (assisted-registrations.ts checked the rights). */
      assisted?: AssistedEntry;
    },
  ) {
    const event = await store.events.snapshot(eventId);
    if (!event?.published) throw new DomainError('not_found');
    // A personal link registers only its cooperative; some sessions require one. An organizer or the
    // cooperative's own Business Assistant entering it in the console needs none.
    if (!options.assisted)
      await assertInvitation(store, event, input.cooperativeId, options.invitationCode, options.language);
    const cooperative = await store.cooperatives.get(input.cooperativeId);
    if (!cooperative) {
      throw new DomainError('validation', {}, [
        { path: ['cooperativeId'], code: 'invalid_cooperative', message: 'invalid_cooperative' },
      ]);
    }
    const now = clock();
    const registration = prepareRegistration(
      input,
      event,
      cooperative,
      now,
      options.language,
      options.assisted,
    );
    const idempotency = options.idempotencyKey
      ? {
          scope: `register:${eventId}`,
          keyHash: hashSecret(options.idempotencyKey),
          requestHash: createHash('sha256').update(canonical(input)).digest('base64url'),
          // Kept 24 hours in the table, so without the manage token (and without ticket codes).
          responseFor: (stored: RegistrationRecord): StoredResponse => ({
            registration: publicRegistration(stored),
          }),
        }
      : undefined;
    const outcome = await store.registrations.create({ registration, event }, idempotency, now);
    if (outcome.kind === 'replayed') {
      // Ticket codes and the manage token are derived again, the same as the first time.
      const stored = (outcome.response as StoredResponse).registration;
      const participants = store.registrations.withTicketCodes(stored.participants);
      return registrationResponse({ ...stored, participants }, store.registrations.manageToken(stored.id));
    }
    store.events.remember(outcome.event);
    if (outcome.registration.contactConsent)
      await keepContact(outcome.event.organisationId, outcome.registration, now);
    return registrationResponse(
      publicRegistration(outcome.registration),
      store.registrations.manageToken(outcome.registration.id),
    );
  }

  /**
   * With its own consent, the contact becomes the cooperative's contact for invitations to later sessions of
   * the same organisation (the one the consent was given to; a session without one keeps nothing). Outside the
   * registration's transaction: losing it costs a future invitation, not a seat.
   */
  async function keepContact(organisationId: string | undefined, registration: Registration, now: Date) {
    if (!organisationId) return;
    const known = await store.contacts.get(organisationId, registration.cooperativeId);
    await store.contacts.put(organisationId, {
      cooperativeId: registration.cooperativeId,
      name: registration.contact.name,
      phone: registration.contact.phone,
      email: registration.contact.email,
      baEmail: known?.baEmail,
      source: 'registration',
      updatedAt: now.toISOString(),
      updatedBy: `registration:${registration.id}`,
    });
  }

  /**
   * A wrong token and an unknown id look the same (404), so ids cannot be probed. The token is checked against
   * the stored hash of the derived one in constant time (secretMatches).
   */
  async function authorize(registrationId: string, manageToken: string): Promise<StoredRegistration> {
    const registration = await store.registrations.get(registrationId);
    if (!registration || !secretMatches(manageToken, registration.manageTokenHash)) {
      throw new DomainError('not_found');
    }
    return registration;
  }

  async function change(
    registrationId: string,
    manageToken: string,
    input: RegistrationChangeInput,
    language: Language,
  ) {
    const current = await authorize(registrationId, manageToken);
    const event = await store.events.get(current.eventId, { consistent: true });
    if (!event) throw new DomainError('not_found');
    const now = clock();
    const next = applyRegistrationChange(current, input, event, now, language);
    return store.registrations.update(current, next, event, now);
  }

  async function cancel(registrationId: string, manageToken: string) {
    const current = await authorize(registrationId, manageToken);
    const event = await store.events.get(current.eventId, { consistent: true });
    if (!event) throw new DomainError('not_found');
    const now = clock();
    assertCancellable(current, event, now);
    return store.registrations.cancel(current, now);
  }

  /** UU PDP right of access: everything held about this registration, as JSON. */
  async function exportData(registrationId: string, manageToken: string) {
    const { manageTokenHash: _hash, ...registration } = await authorize(registrationId, manageToken);
    const checkins = await Promise.all(
      registration.participants.map((participant) =>
        store.checkins.get(registration.eventId, participant.id),
      ),
    );
    return {
      exportedAt: clock().toISOString(),
      registration,
      checkins: checkins.filter(Boolean).map((checkin) => ({
        participantId: checkin?.participantId,
        checkedInAt: checkin?.checkedInAt,
        station: checkin?.station,
      })),
    };
  }

  /** UU PDP withdrawal and erasure: cancels if still active (freeing the seats), then erases personal data. */
  async function erase(registrationId: string, manageToken: string) {
    let current = await authorize(registrationId, manageToken);
    const now = clock();
    if (current.status !== 'cancelled') {
      await store.registrations.cancel(current, now);
      current = await authorize(registrationId, manageToken);
    }
    return store.registrations.erase(current, anonymized(current, now));
  }

  /**
   * "Kirim ulang tautan kelola": when the cooperative has an active registration in the session whose contact has
   * the given phone or email, its manage link is emailed to the address on file (never to one typed here). The
   * caller answers the same whatever happened, so nobody learns who registered.
   */
  async function resendManageLink(eventId: string, request: ManageLinkRequest): Promise<void> {
    const registration = await store.registrations.findByCooperative(eventId, request.cooperativeId);
    if (!registration || registration.status === 'cancelled' || !registration.contact.email) return;
    const typed = request.contact.trim().toLowerCase();
    const phone = normalizeIndonesianPhone(typed);
    const matches = phone
      ? phone === registration.contact.phone
      : typed === registration.contact.email.toLowerCase();
    if (!matches) return;
    await store.registrations.queueEmails(
      [
        {
          kind: 'manage_link',
          to: registration.contact.email,
          language: registration.language,
          registrationId: registration.id,
        },
      ],
      clock(),
    );
  }

  return { register, authorize, change, cancel, exportData, erase, resendManageLink };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
