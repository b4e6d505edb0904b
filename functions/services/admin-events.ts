import { type EventChanges, editableEventFields } from '../db/event-admin-repo';
import type { StoredRegistration } from '../db/registrations-repo';
import type { Store } from '../db/store';
import {
  canCreateEvents,
  canManageEvent,
  canReadEvent,
  registrationFilter,
  servesRegency,
} from '../domain/access-policy';
import type { Station, User } from '../domain/accounts';
import { searchable } from '../domain/cooperative-search';
import { DomainError } from '../domain/errors';
import { publicEvent } from '../domain/events';
import { whatsAppLink } from '../domain/phone';
import { applyRegistrationChange } from '../domain/registration';
import {
  type EventInput,
  type EventRecord,
  type Language,
  type Registration,
  type RegistrationChangeInput,
  registrationStatus,
} from '../domain/schemas';
import { hashSecret, newId, newSecret } from '../domain/tokens';
import { audit } from './admin-audit';
import { createDefaultCampaigns } from './campaigns';
import { publicRegistration } from './registrations';

/** What the console shows of a session: the public view plus what only organizers see. */
export function adminEvent(event: EventRecord, now: Date) {
  return {
    ...publicEvent(event, now),
    published: event.published,
    organisationId: event.organisationId ?? null,
    seatsTaken: event.seatsTaken,
    createdAt: event.createdAt,
  };
}
export type AdminEvent = ReturnType<typeof adminEvent>;

export function adminRegistration(registration: Registration) {
  return {
    ...publicRegistration(registration),
    districtCode: registration.districtCode,
    queuedAt: registration.queuedAt,
    language: registration.language,
  };
}

export type RosterFilters = { q?: string; district?: string; status?: string };

/** Sessions per page of the console's list and of `GET /api/admin/events`. */
export const CONSOLE_PAGE = 50;

const publicStation = (station: Station) => ({
  id: station.id,
  name: station.name,
  createdAt: station.createdAt,
  revokedAt: station.revokedAt ?? null,
});

/** The organizer console's session operations; every one checks the user's right first (auth/policy.ts). */
export function createAdminEventsService(store: Store, clock: () => Date) {
  async function loadEvent(user: User, eventId: string, need: 'read' | 'manage'): Promise<EventRecord> {
    const event = await store.eventAdmin.getEvent(eventId);
    if (!event) throw new DomainError('not_found');
    const allowed = need === 'read' ? canReadEvent(user, event) : canManageEvent(user, event);
    if (!allowed) throw new DomainError('forbidden');
    return event;
  }

  /**
   * The console's list: the sessions `user` may see, newest first, `CONSOLE_PAGE` at a time after the session
   * `afterId`. An admin reads the national index; anyone else their organisation's own index partition, so a
   * Dinas's page costs one page of reads however many sessions the country has. `next` is the cursor of the
   * following page.
   */
  async function listPage(user: User, afterId?: string): Promise<{ events: EventRecord[]; next?: string }> {
    const after = afterId ? await store.eventAdmin.getEvent(afterId) : undefined;
    if (afterId && (!after || !canReadEvent(user, after))) throw new DomainError('not_found');
    const page = await store.eventAdmin.listNewestFirst({
      limit: CONSOLE_PAGE,
      after,
      organisationId: user.role === 'admin' ? undefined : user.organisationId,
    });
    // The index partition is the organisation's; the policy still decides (it is the one rule for reading).
    const events = page.events.filter((event) => canReadEvent(user, event));
    return { events, next: page.more ? page.events.at(-1)?.id : undefined };
  }

  function ownerFor(user: User, requested: string | undefined): string {
    if (user.role === 'admin') {
      if (!requested) {
        throw new DomainError('validation', {}, [
          { path: ['organisationId'], code: 'required', message: 'required' },
        ]);
      }
      return requested;
    }
    if (requested && requested !== user.organisationId) throw new DomainError('forbidden');
    return user.organisationId;
  }

  /**
   * A session is created or edited only in a regency its organisation serves (an admin binds them): what the
   * session collects is that organisation's, and it never reaches into a regency another Dinas alone serves.
   */
  async function assertServes(organisationId: string, regencyCode: string) {
    const organisation = await store.users.getOrganisation(organisationId);
    if (!organisation) {
      throw new DomainError('validation', {}, [
        { path: ['organisationId'], code: 'invalid_choice', message: 'invalid_choice' },
      ]);
    }
    if (!servesRegency(organisation, regencyCode)) {
      throw new DomainError('validation', {}, [
        { path: ['regencyCode'], code: 'regency_not_served', message: 'regency_not_served' },
      ]);
    }
  }

  async function create(user: User, input: EventInput): Promise<EventRecord> {
    if (!canCreateEvents(user)) throw new DomainError('forbidden');
    const now = clock();
    const { organisationId: requested, ...fields } = input;
    const organisationId = ownerFor(user, requested);
    await assertServes(organisationId, fields.regencyCode);
    const event: EventRecord = {
      id: newId(),
      ...fields,
      registrationDeadline: fields.registrationDeadline ?? fields.startsAt,
      organisationId,
      cancelled: false,
      seatsTaken: 0,
      waitlistCount: 0,
      createdAt: now.toISOString(),
    };
    await store.events.put(event);
    await createDefaultCampaigns(store, event, now, user.id); // follow-ups
    await audit(store, user, now, {
      action: 'event.created',
      targetType: 'event',
      targetId: event.id,
      eventId: event.id,
    });
    return event;
  }

  /** The current editable fields, as the body of a full edit (forms and PATCH merge over it). */
  function editable(event: EventRecord): Record<string, unknown> {
    return Object.fromEntries(editableEventFields.map((field) => [field, event[field]]));
  }

  /** Applies a validated full set of fields; raising the capacity lets the waitlist move up at once. */
  async function update(user: User, eventId: string, input: EventInput): Promise<EventRecord> {
    const current = await loadEvent(user, eventId, 'manage');
    const organisationId = input.organisationId ?? current.organisationId;
    if (organisationId !== current.organisationId && user.role !== 'admin')
      throw new DomainError('forbidden');
    if (!organisationId) throw new DomainError('forbidden');
    await assertServes(organisationId, input.regencyCode);
    const changes: EventChanges = {
      ...input,
      registrationDeadline: input.registrationDeadline ?? current.registrationDeadline,
      organisationId,
    };
    const updated = await store.eventAdmin.update(eventId, changes);
    // Relative send times count from the start or end: the campaigns waiting for them move with the session.
    if (updated.startsAt !== current.startsAt || updated.endsAt !== current.endsAt)
      await store.campaigns.redateForEvent(updated);
    if (updated.capacity > current.capacity) await store.registrations.promoteWaitlist(eventId, clock());
    await audit(store, user, clock(), {
      action: 'event.updated',
      targetType: 'event',
      targetId: eventId,
      eventId,
    });
    return (await store.eventAdmin.getEvent(eventId)) ?? updated;
  }

  async function close(user: User, eventId: string) {
    await loadEvent(user, eventId, 'manage');
    return store.eventAdmin.closeRegistration(eventId, clock());
  }

  /** Cancels the session and emails every registered cooperative (again safe to repeat). */
  async function cancel(user: User, eventId: string) {
    await loadEvent(user, eventId, 'manage');
    const now = clock();
    const registrations = await store.registrations.listByEvent(eventId);
    const result = await store.eventAdmin.cancel(eventId, registrations, now);
    await audit(store, user, now, {
      action: 'event.cancelled',
      targetType: 'event',
      targetId: eventId,
      eventId,
      detail: `${result.notified} registrations emailed`,
    });
    return result;
  }

  /**
   * The session page's data: seats, the registrations (a BA sees only their cooperatives'), the waitlist in
   * order, and the invited cooperatives that have not registered, with a contact link where one is known.
   * Reading it is logged: it shows personal data.
   */
  async function roster(user: User, eventId: string, filters: RosterFilters = {}) {
    const event = await loadEvent(user, eventId, 'read');
    const now = clock();
    const assigned =
      user.role === 'business_assistant' ? await store.users.assignedCooperatives(user.id) : [];
    const visible = registrationFilter(user, assigned);
    const all = (await store.registrations.listByEvent(eventId)).filter((r) => visible(r.cooperativeId));
    const q = searchable(filters.q ?? '');
    const status = registrationStatus.safeParse(filters.status).data;
    const registrations = all.filter(
      (r) =>
        (!filters.district || r.districtCode === filters.district) &&
        (!status || r.status === status) &&
        (!q ||
          searchable(
            [
              r.cooperativeName,
              r.contact.name,
              r.contact.phone,
              ...r.participants.flatMap((p) => [p.name, p.phone ?? '']),
            ].join(' '),
          ).includes(q)),
    );
    const waitlist = all.filter((r) => r.status === 'waitlisted');
    const active = new Set(all.filter((r) => r.status !== 'cancelled').map((r) => r.cooperativeId));
    const lastContact = new Map<string, Registration['contact']>();
    for (const r of all) if (r.status === 'cancelled') lastContact.set(r.cooperativeId, r.contact);
    const regency = await store.cooperatives.getRegency(event.regencyCode);
    const directory = await store.cooperatives.listByRegency(event.regencyCode);
    const assistants = await assistantsByCooperative(user);
    const notRegistered = directory
      .filter(
        (coop) =>
          (event.invitedDistrictCodes.length === 0 ||
            event.invitedDistrictCodes.includes(coop.districtCode)) &&
          !active.has(coop.id) &&
          visible(coop.id) &&
          (!filters.district || coop.districtCode === filters.district),
      )
      .map((coop) => {
        const contact = lastContact.get(coop.id);
        const assistant = assistants.get(coop.id);
        return {
          cooperativeId: coop.id,
          name: coop.name,
          districtCode: coop.districtCode,
          districtName: coop.districtName,
          contactName: contact?.name ?? null,
          contactLink: contact ? whatsAppLink(`${event.title}`, contact.phone) : null,
          assistant: assistant ? { name: assistant.name, email: assistant.email } : null,
        };
      });
    await audit(store, user, now, {
      action: 'registrations.viewed',
      targetType: 'event',
      targetId: eventId,
      eventId,
      detail: `${registrations.length} shown`,
    });
    return {
      event,
      districts: regency?.districts ?? [],
      seats: {
        capacity: event.capacity,
        taken: event.seatsTaken,
        left: Math.max(0, event.capacity - event.seatsTaken),
      },
      registrations,
      waitlist,
      notRegistered,
    };
  }

  /** Cooperative -> its Business Assistant, from the assistants the caller may know about. */
  async function assistantsByCooperative(user: User): Promise<Map<string, User>> {
    const map = new Map<string, User>();
    if (user.role === 'business_assistant') return map;
    const users = (await store.users.list()).filter(
      (u) =>
        u.role === 'business_assistant' &&
        u.active &&
        (user.role === 'admin' || u.organisationId === user.organisationId),
    );
    await Promise.all(
      users.map(async (assistant) => {
        for (const id of await store.users.assignedCooperatives(assistant.id)) map.set(id, assistant);
      }),
    );
    return map;
  }

  async function loadRegistration(user: User, registrationId: string, need: 'read' | 'manage') {
    const registration = await store.registrations.get(registrationId);
    if (!registration) throw new DomainError('not_found');
    const event = await loadEvent(user, registration.eventId, need);
    if (user.role === 'business_assistant') {
      const assigned = await store.users.assignedCooperatives(user.id);
      if (!assigned.includes(registration.cooperativeId)) throw new DomainError('forbidden');
    }
    return { registration, event };
  }

  async function getRegistration(user: User, registrationId: string) {
    const { registration } = await loadRegistration(user, registrationId, 'read');
    await audit(store, user, clock(), {
      action: 'registration.viewed',
      targetType: 'registration',
      targetId: registrationId,
      eventId: registration.eventId,
    });
    return registration;
  }

  /**
   * Edits a registration on the cooperative's behalf with the same rules as the manage link (officer limit,
   * distinct phones, seats), except that organizers may still correct it after registration has closed.
   */
  async function editRegistration(
    user: User,
    registrationId: string,
    input: RegistrationChangeInput,
    language: Language,
  ): Promise<Registration> {
    const { registration, event } = await loadRegistration(user, registrationId, 'manage');
    if (event.cancelled) throw new DomainError('registration_closed');
    const now = clock();
    const stillOpen = {
      ...event,
      published: true,
      registrationDeadline: new Date(now.getTime() + 60_000).toISOString(),
    };
    const next = applyRegistrationChange(registration, input, stillOpen, now, language);
    const saved = await store.registrations.update(registration, next, event, now);
    await audit(store, user, now, {
      action: 'registration.edited',
      targetType: 'registration',
      targetId: registrationId,
      eventId: event.id,
    });
    return saved;
  }

  async function cancelRegistration(user: User, registrationId: string): Promise<Registration> {
    const { registration, event } = await loadRegistration(user, registrationId, 'manage');
    if (registration.status === 'cancelled') throw new DomainError('conflict');
    const now = clock();
    const cancelled = await store.registrations.cancel(registration, now);
    await audit(store, user, now, {
      action: 'registration.cancelled',
      targetType: 'registration',
      targetId: registrationId,
      eventId: event.id,
    });
    return cancelled;
  }

  async function promote(user: User, registrationId: string): Promise<Registration> {
    const { registration, event } = await loadRegistration(user, registrationId, 'manage');
    const now = clock();
    const promoted = await store.eventAdmin.promote(registration as StoredRegistration, event, now);
    await audit(store, user, now, {
      action: 'registration.promoted',
      targetType: 'registration',
      targetId: registrationId,
      eventId: event.id,
    });
    return promoted;
  }

  async function resendTickets(user: User, registrationId: string, participantId?: string) {
    const { registration, event } = await loadRegistration(user, registrationId, 'manage');
    if (registration.status !== 'confirmed') throw new DomainError('conflict');
    if (participantId && !registration.participants.some((p) => p.id === participantId)) {
      throw new DomainError('not_found');
    }
    const now = clock();
    const queued = await store.eventAdmin.resendTickets(registration, participantId, now);
    await audit(store, user, now, {
      action: 'registration.tickets_resent',
      targetType: 'registration',
      targetId: registrationId,
      eventId: event.id,
      detail: `${queued} emails`,
    });
    return queued;
  }

  async function listStations(user: User, eventId: string) {
    await loadEvent(user, eventId, 'manage');
    return (await store.stations.listByEvent(eventId)).map(publicStation);
  }

  /** A station's token is shown once (in the response and on the page right after); only its hash is kept. */
  async function createStation(user: User, eventId: string, name: string) {
    await loadEvent(user, eventId, 'manage');
    const now = clock();
    const token = newSecret();
    const station = await store.stations.create(
      { id: newId(), eventId, name, createdAt: now.toISOString(), createdBy: user.id },
      hashSecret(token),
    );
    await audit(store, user, now, {
      action: 'station.created',
      targetType: 'station',
      targetId: station.id,
      eventId,
    });
    return { station: publicStation(station), token };
  }

  async function revokeStation(user: User, eventId: string, stationId: string) {
    await loadEvent(user, eventId, 'manage');
    const now = clock();
    const station = await store.stations.revoke(eventId, stationId, now);
    await audit(store, user, now, {
      action: 'station.revoked',
      targetType: 'station',
      targetId: stationId,
      eventId,
    });
    return publicStation(station);
  }

  return {
    loadEvent,
    loadRegistration,
    listPage,
    create,
    editable,
    update,
    close,
    cancel,
    roster,
    getRegistration,
    editRegistration,
    cancelRegistration,
    promote,
    resendTickets,
    listStations,
    createStation,
    revokeStation,
  };
}

export type AdminEventsService = ReturnType<typeof createAdminEventsService>;
