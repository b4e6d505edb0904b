import type { Store } from '../db/store';
import {
  assertAdmissible,
  assertWalkInAllowed,
  type CheckinRecord,
  type CheckinRequest,
  type CheckinResult,
  checkinResult,
  effectiveScanTime,
  type SubstituteRequest,
  type WalkInRequest,
} from '../domain/checkin';
import { assertCheckinOpen, checkinMoment, checkinWindow } from '../domain/checkin-window';
import { recordConsent } from '../domain/consent';
import { DomainError, isDomainError } from '../domain/errors';
import { maskPhone } from '../domain/phone';
import { isInvited, newRegistration } from '../domain/registration';
import type { EventRecord, Participant, ParticipantRecord, Registration } from '../domain/schemas';
import { derivedId, newId, ticketCodeFrom, ticketHash } from '../domain/tokens';

type Found = { registration: Registration; participant: Participant };

/** A newly seated officer as the data layer returned them, with their ticket. */
function issuedTo(registration: Registration, participantId: string): Found {
  const participant = registration.participants.find((p) => p.id === participantId);
  if (!participant) throw new DomainError('conflict');
  return { registration, participant };
}

export function createCheckinService(store: Store, clock: () => Date = () => new Date()) {
  async function loadEvent(eventId: string): Promise<EventRecord> {
    const event = await store.events.get(eventId);
    if (!event) throw new DomainError('not_found');
    return event;
  }

  async function find(
    eventId: string,
    request: Pick<CheckinRequest, 'ticketCode' | 'participantId' | 'registrationId'>,
  ) {
    if (request.ticketCode) {
      const code = ticketCodeFrom(request.ticketCode);
      return code ? store.registrations.findTicket(code, request.registrationId) : undefined;
    }
    const roster = await store.registrations.listByEvent(eventId);
    for (const registration of roster) {
      const participant = registration.participants.find((p) => p.id === request.participantId);
      if (participant) return { registration, participant };
    }
    return undefined;
  }

  async function admit(
    eventId: string,
    found: Found,
    station: string,
    checkedInAt: string,
    clientId?: string,
    scannedOffline = false,
  ) {
    const record: CheckinRecord = {
      eventId,
      participantId: found.participant.id,
      registrationId: found.registration.id,
      cooperativeId: found.registration.cooperativeId,
      districtCode: found.registration.districtCode,
      checkedInAt,
      station,
      clientId,
      recordedAt: clock().toISOString(),
      scannedOffline,
    };
    const outcome = await store.checkins.checkIn(record);
    return checkinResult(found, outcome.record, outcome.alreadyCheckedIn);
  }

  /** `station` may still be resolving (the door's token is checked while the ticket is looked up). */
  async function checkIn(
    eventId: string,
    request: CheckinRequest,
    station: string | Promise<string>,
  ): Promise<CheckinResult> {
    // The session comes from a snapshot a few seconds old at most: it is read with every scan only for its
    // check-in window, which an organizer changes rarely and deliberately.
    const [candidate, stationName, event] = await Promise.all([
      find(eventId, request),
      station,
      store.events.snapshot(eventId, 5_000),
    ]);
    if (!event) throw new DomainError('not_found');
    const found = assertAdmissible(candidate, eventId);
    // An offline scan is judged at the moment it was made, not when the queue reached the server.
    assertCheckinOpen(event, checkinMoment(request.scannedAt, clock()));
    const checkedInAt = request.scannedAt
      ? effectiveScanTime(request.scannedAt, event, clock())
      : clock().toISOString();
    return admit(eventId, found, stationName, checkedInAt, request.clientId, Boolean(request.scannedAt));
  }

  /** Offline scans, synced in order; each item succeeds or fails on its own. */
  async function checkInBatch(
    eventId: string,
    requests: (CheckinRequest & { clientId: string })[],
    station: string,
  ) {
    await loadEvent(eventId);
    const results = [];
    for (const request of requests) {
      try {
        results.push({
          clientId: request.clientId,
          ok: true as const,
          checkin: await checkIn(eventId, request, station),
        });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        results.push({ clientId: request.clientId, ok: false as const, error });
      }
    }
    return results;
  }

  async function undo(eventId: string, participantId: string) {
    await loadEvent(eventId);
    return store.checkins.undo(eventId, participantId);
  }

  /** Counts for the door and the dashboard, computed from the records themselves (never a drifting counter). */
  async function attendance(eventId: string) {
    const event = await loadEvent(eventId);
    const [registrations, checkins, regency, directory] = await Promise.all([
      store.registrations.listByEvent(eventId),
      store.checkins.listByEvent(eventId),
      store.cooperatives.getRegency(event.regencyCode),
      store.cooperatives.listByRegency(event.regencyCode),
    ]);
    const confirmed = registrations.filter((r) => r.status === 'confirmed');
    const present = new Set(checkins.map((c) => c.participantId));
    const invited = directory.filter((cooperative) => isInvited(event, cooperative));
    const districts = (regency?.districts ?? []).filter((d) =>
      invited.some((c) => c.districtCode === d.code),
    );
    const byDistrict = districts.map((district) => {
      const regs = confirmed.filter((r) => r.districtCode === district.code);
      const officers = regs.flatMap((r) => r.participants);
      return {
        districtCode: district.code,
        districtName: district.name,
        cooperativesInvited: invited.filter((c) => c.districtCode === district.code).length,
        cooperativesRegistered: regs.length,
        cooperativesPresent: regs.filter((r) => r.participants.some((p) => present.has(p.id))).length,
        registered: officers.length,
        checkedIn: officers.filter((p) => present.has(p.id)).length,
      };
    });
    const officers = confirmed.flatMap((r) => r.participants);
    return {
      registered: officers.length,
      checkedIn: officers.filter((p) => present.has(p.id)).length,
      cooperativesRegistered: confirmed.length,
      cooperativesPresent: confirmed.filter((r) => r.participants.some((p) => present.has(p.id))).length,
      cooperativesInvited: invited.length,
      waitlisted: registrations.filter((r) => r.status === 'waitlisted').length,
      walkIns: officers.filter((p) => p.walkIn).length,
      conflicts: checkins
        .filter((c) => c.duplicateScans?.some((d) => d.station !== c.station))
        .map((c) => ({
          participantId: c.participantId,
          station: c.station,
          checkedInAt: c.checkedInAt,
          duplicates: c.duplicateScans,
        })),
      byDistrict,
    };
  }

  /**
   * What a door device caches for offline use: who may enter and how to recognise them, with phones masked and
   * ticket codes replaced by their hashes; and the invited cooperatives, so a walk-in can be taken offline.
   */
  async function roster(eventId: string) {
    const event = await loadEvent(eventId);
    const [registrations, checkins, directory] = await Promise.all([
      store.registrations.listByEvent(eventId),
      store.checkins.listByEvent(eventId),
      store.cooperatives.listByRegency(event.regencyCode),
    ]);
    const byId = new Map(checkins.map((c) => [c.participantId, c]));
    const villages = new Map(directory.map((c) => [c.id, c]));
    const entries = registrations.flatMap((registration) =>
      registration.participants.map((participant) => {
        const checkin = byId.get(participant.id);
        const cooperative = villages.get(registration.cooperativeId);
        return {
          participantId: participant.id,
          registrationId: registration.id,
          ticketHash: ticketHash(participant.ticketCode),
          name: participant.name,
          role: participant.role,
          cooperativeId: registration.cooperativeId,
          cooperativeName: registration.cooperativeName,
          villageName: cooperative?.villageName ?? '',
          districtName: cooperative?.districtName ?? '',
          phoneMasked: participant.phone ? maskPhone(participant.phone) : undefined,
          status: registration.status,
          checkedInAt: checkin?.checkedInAt,
          station: checkin?.station,
        };
      }),
    );
    const cooperatives = directory
      .filter((cooperative) => isInvited(event, cooperative))
      .map(({ id, name, villageName, districtName }) => ({ id, name, villageName, districtName }));
    const { opensAt, closesAt } = checkinWindow(event);
    const window = {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      anyTime: event.checkinAnyTime === true,
    };
    return { entries, cooperatives, checkinWindow: window };
  }

  /**
   * Someone of an invited cooperative who arrives unregistered: seated if there is room, then checked in. With the
   * device's `clientId` the officer's id is derived from it, so a retry (a lost answer, the offline queue syncing
   * twice) finds them by their ticket instead of seating them again.
   */
  async function walkIn(eventId: string, request: WalkInRequest, station: string): Promise<CheckinResult> {
    const event = await loadEvent(eventId);
    // Refused before anyone is seated: a walk-in outside the window would hold a seat for nobody.
    assertCheckinOpen(event, checkinMoment(request.scannedAt, clock()));
    const participantId = request.clientId ? derivedId('walk-in', eventId, request.clientId) : newId();
    const seated = async () => {
      if (!request.clientId) return undefined;
      const [ticket] = store.registrations.withTicketCodes([{ id: participantId }]);
      return store.registrations.findTicket(ticket?.ticketCode ?? '');
    };
    const checkedInAt = request.scannedAt
      ? effectiveScanTime(request.scannedAt, event, clock())
      : clock().toISOString();
    const admitWalkIn = (found: Found) =>
      admit(eventId, found, station, checkedInAt, request.clientId, Boolean(request.scannedAt));

    const replayed = await seated();
    if (replayed) return admitWalkIn(replayed);
    try {
      return admitWalkIn(await seat(event, request, participantId, station, checkedInAt));
    } catch (error) {
      // A concurrent retry of the same walk-in won the race: answer as it did.
      const raced = isDomainError(error) ? await seated() : undefined;
      if (raced) return admitWalkIn(raced);
      throw error;
    }
  }

  /** A walk-in's seat: added to their cooperative's confirmed registration, or in a new one. */
  async function seat(
    event: EventRecord,
    request: WalkInRequest,
    participantId: string,
    station: string,
    at: string,
  ): Promise<Found> {
    const cooperative = await store.cooperatives.get(request.cooperativeId);
    if (!cooperative || !isInvited(event, cooperative)) throw new DomainError('not_found');
    const now = clock();
    const participant: ParticipantRecord = {
      id: participantId,
      name: request.name,
      role: request.role,
      phone: request.phone,
      walkIn: { at, by: station, reason: request.reason },
    };
    const existing = (await store.registrations.listByEvent(event.id)).find(
      (r) => r.cooperativeId === cooperative.id && r.status !== 'cancelled',
    );
    assertWalkInAllowed(existing, event, request.reason);
    if (existing) {
      const current = await store.registrations.get(existing.id);
      if (!current) throw new DomainError('conflict');
      const next = {
        ...current,
        participants: [...current.participants, participant],
        updatedAt: now.toISOString(),
        version: current.version + 1,
      };
      if (current.status !== 'confirmed') throw new DomainError('not_confirmed');
      const registration = await store.registrations.update(current, next, event, now, { door: true });
      return issuedTo(registration, participant.id);
    }
    const outcome = await store.registrations.create(
      {
        event,
        registration: newRegistration(
          event.id,
          cooperative,
          {
            contact: { name: request.name, phone: request.phone ?? '' },
            participants: [participant],
            consent: { ...recordConsent('id', now), textVersion: 'walk-in' },
            language: 'id',
          },
          now,
        ),
      },
      undefined,
      now,
      { door: true },
    );
    if (outcome.kind !== 'created') throw new DomainError('conflict');
    return issuedTo(outcome.registration, participant.id);
  }

  /** Someone attends in place of a registered officer: their place and seat, a new ticket, checked in now. */
  async function substitute(
    eventId: string,
    request: SubstituteRequest,
    station: string,
  ): Promise<CheckinResult> {
    const event = await loadEvent(eventId);
    assertCheckinOpen(event, clock());
    const found = assertAdmissible(await find(eventId, { participantId: request.participantId }), eventId);
    const current = await store.registrations.get(found.registration.id);
    if (!current) throw new DomainError('conflict');
    const now = clock();
    // A new id, hence a new ticket code; the absent officer's ticket item is deleted in the same transaction.
    const replacement: ParticipantRecord = {
      id: newId(),
      name: request.name,
      role: request.role ?? found.participant.role,
      substituteFor: found.participant.name,
      walkIn: { at: now.toISOString(), by: station },
    };
    const next = {
      ...current,
      participants: current.participants.map((p) => (p.id === found.participant.id ? replacement : p)),
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const registration = await store.registrations.update(current, next, event, now, { door: true });
    return admit(eventId, issuedTo(registration, replacement.id), station, clock().toISOString());
  }

  return { checkIn, checkInBatch, undo, attendance, roster, walkIn, substitute };
}

export type CheckinService = ReturnType<typeof createCheckinService>;
