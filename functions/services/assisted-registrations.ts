import type { Store } from '../db/store';
import { canManageEvent } from '../domain/access-policy';
import type { User } from '../domain/accounts';
import { assistedRegistrationScope } from '../domain/assisted-registration';
import { DEFAULT_CHECKIN_OPENS_MINUTES } from '../domain/checkin-window';
import { DomainError } from '../domain/errors';
import { isInvited } from '../domain/registration';
import type { AssistedRegistrationInput, EventRecord, Language } from '../domain/schemas';
import { audit } from './admin-audit';
import { createRegistrationService } from './registrations';

/**
 * Registration entered in the console for cooperatives without a smartphone-savvy contact, and the door's
 * check-in window: the two session settings of the day itself that organizers change from the console.
 */
export function createAssistedRegistrationService(store: Store, clock: () => Date = () => new Date()) {
  const registrations = createRegistrationService(store, clock);

  async function loadEvent(eventId: string): Promise<EventRecord> {
    const event = await store.events.get(eventId, { consistent: true });
    if (!event) throw new DomainError('not_found');
    return event;
  }

  /** The session and the invited cooperatives `user` may register, or forbidden. */
  async function scope(user: User, eventId: string) {
    const event = await loadEvent(eventId);
    const assigned =
      user.role === 'business_assistant' ? await store.users.assignedCooperatives(user.id) : [];
    const allowed = assistedRegistrationScope(user, event, assigned);
    if (!allowed) throw new DomainError('forbidden');
    const cooperatives = (await store.cooperatives.listByRegency(event.regencyCode)).filter(
      (cooperative) => isInvited(event, cooperative) && allowed(cooperative.id),
    );
    return { event, cooperatives };
  }

  /**
   * Registers on the cooperative's behalf: who entered it and how consent was obtained are kept on the
   * registration and in the audit log; the contact gets the manage link by email like any registration.
   */
  async function register(user: User, eventId: string, input: AssistedRegistrationInput, language: Language) {
    const { cooperatives } = await scope(user, eventId);
    if (!cooperatives.some((cooperative) => cooperative.id === input.cooperativeId)) {
      throw new DomainError('forbidden');
    }
    const now = clock();
    const { consentMethod, ...fields } = input;
    const result = await registrations.register(
      eventId,
      { ...fields, consent: true, language },
      {
        language,
        assisted: {
          byUserId: user.id,
          byName: user.name || user.email,
          byRole: user.role,
          consentMethod,
          at: now.toISOString(),
        },
      },
    );
    await audit(store, user, now, {
      action: 'registration.assisted',
      targetType: 'registration',
      targetId: result.registration.id,
      eventId,
      detail: `${input.cooperativeId}; persetujuan: ${consentMethod}`,
    });
    return result;
  }

  /** The door's window (checkin-window.ts), for the session's organizers. */
  async function checkinWindow(user: User, eventId: string) {
    const event = await loadEvent(eventId);
    if (!canManageEvent(user, event)) throw new DomainError('forbidden');
    return {
      event,
      opensMinutesBefore: event.checkinOpensMinutesBefore ?? DEFAULT_CHECKIN_OPENS_MINUTES,
      anyTime: event.checkinAnyTime === true,
    };
  }

  async function setCheckinWindow(
    user: User,
    eventId: string,
    settings: { checkinOpensMinutesBefore: number; checkinAnyTime: boolean },
  ) {
    await checkinWindow(user, eventId);
    await store.checkins.setWindow(eventId, settings);
    await audit(store, user, clock(), {
      action: 'event.checkin_window',
      targetType: 'event',
      targetId: eventId,
      eventId,
      detail: settings.checkinAnyTime
        ? 'check-in kapan saja'
        : `dibuka ${settings.checkinOpensMinutesBefore} menit sebelum mulai`,
    });
  }

  return { scope, register, checkinWindow, setCheckinWindow };
}

export type AssistedRegistrationService = ReturnType<typeof createAssistedRegistrationService>;
