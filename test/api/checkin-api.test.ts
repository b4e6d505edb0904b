import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../functions/domain/schemas';
import { createRegistrationService } from '../../functions/services/registrations';
import { createTestApp, json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let store: TestStore;
let app: ReturnType<typeof createTestApp>;
let seed = 3000;
let directory: string[] = [];
const cooperatives = (count: number) => directory.splice(0, count);

beforeAll(async () => {
  store = await createTestStore();
  directory = (await seedKotim(store)).map((cooperative) => cooperative.id);
  app = createTestApp(store);
});

/** Doors open: the session started an hour ago and registration is still open. */
const today = () => ({
  startsAt: new Date(Date.now() - 3_600_000).toISOString(),
  endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
  registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
});

/** A session under way with an enrolled door station and the given registered cooperatives. */
async function door(cooperativeIds: string[], officersEach = 2, overrides: Partial<EventRecord> = {}) {
  const event = makeEvent({ ...today(), ...overrides });
  await store.events.put(event);
  const token = await enrolTestStation(store, event.id);
  const service = createRegistrationService(store);
  const registrations = [];
  for (const cooperativeId of cooperativeIds) {
    registrations.push(
      await service.register(event.id, registrationBody(cooperativeId, officersEach, seed++), {
        language: 'id',
      }),
    );
  }
  const auth = { authorization: `Bearer ${token}` };
  const scan = (body: unknown) => app.request(`/api/events/${event.id}/checkins`, json(body, auth));
  return { event, token, auth, registrations, scan };
}

describe('check-in API', () => {
  it('20 parallel scans of one ticket make exactly one check-in and 19 "already checked in"', async () => {
    const { registrations, scan } = await door(cooperatives(1));
    const code = registrations[0]?.registration.participants[0]?.ticketCode;
    const responses = await Promise.all(Array.from({ length: 20 }, () => scan({ ticketCode: code })));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(bodies.filter((b) => b.checkin.alreadyCheckedIn === false)).toHaveLength(1);
    expect(bodies.filter((b) => b.checkin.alreadyCheckedIn === true)).toHaveLength(19);
    expect(new Set(bodies.map((b) => b.checkin.checkedInAt)).size).toBe(1);
  });

  it('accepts the ticket URL from the QR and answers with who came in', async () => {
    const { registrations, scan, event } = await door(cooperatives(1));
    const participant = registrations[0]?.registration.participants[1];
    const res = await scan({ ticketCode: `https://hadir.test/t/${participant?.ticketCode}` });
    const { checkin } = await res.json();
    expect(checkin).toMatchObject({
      participantId: participant?.id,
      name: participant?.name,
      role: participant?.role,
      cooperativeName: registrations[0]?.registration.cooperativeName,
      station: 'Pintu 1',
      alreadyCheckedIn: false,
    });
    expect((await store.checkins.get(event.id, participant?.id as string))?.station).toBe('Pintu 1');
  });

  it("takes the roster's registration id as a hint only: with a right, wrong or missing hint the ticket decides", async () => {
    const { registrations, scan } = await door(cooperatives(2));
    const [mine, other] = registrations.map((r) => r.registration);
    const hints = [mine?.id, other?.id, 'x'.repeat(40), undefined];
    const answers: { checkin: { participantId: string; cooperativeName: string } }[] = await Promise.all(
      hints.map(async (registrationId, i) => {
        const res = await scan({ ticketCode: mine?.participants[i % 2]?.ticketCode, registrationId });
        return res.json();
      }),
    );
    expect(answers.map((a) => a.checkin.participantId)).toEqual(
      hints.map((_, i) => mine?.participants[i % 2]?.id),
    );
    expect(answers.every((a) => a.checkin.cooperativeName === mine?.cooperativeName)).toBe(true);
    // A hint never admits a code that is not a ticket.
    const unknown = await scan({ ticketCode: 'A'.repeat(26), registrationId: mine?.id });
    expect(unknown.status).toBe(404);
  });

  it('explains why a ticket cannot enter: unknown, other session, cancelled, waitlisted', async () => {
    const here = await door(cooperatives(1));
    const elsewhere = await door(cooperatives(1));
    const full = await door(cooperatives(2), 2, { capacity: 2 });

    const unknown = await here.scan({ ticketCode: '0123456789ABCDEFGHJKMNPQRS' });
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'ticket_not_found']);

    const other = await here.scan({
      ticketCode: elsewhere.registrations[0]?.registration.participants[0]?.ticketCode,
    });
    expect([other.status, (await other.json()).error.code]).toEqual([409, 'wrong_event']);

    const waiting = full.registrations[1];
    expect(waiting?.registration.status).toBe('waitlisted');
    const notConfirmed = await full.scan({ ticketCode: waiting?.registration.participants[0]?.ticketCode });
    expect([notConfirmed.status, (await notConfirmed.json()).error.code]).toEqual([409, 'not_confirmed']);

    const cancelled = here.registrations[0];
    await createRegistrationService(store).cancel(
      cancelled?.registration.id as string,
      cancelled?.manageToken as string,
    );
    const res = await here.scan({ ticketCode: cancelled?.registration.participants[0]?.ticketCode });
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'registration_cancelled']);
  });

  it('syncs an offline batch idempotently by client id; the first scan time wins and conflicts are reported', async () => {
    const { registrations, event, auth } = await door(cooperatives(1));
    const [a, b] = registrations[0]?.registration.participants ?? [];
    const early = new Date(Date.now() - 10 * 60_000).toISOString();
    const late = new Date(Date.now() - 5 * 60_000).toISOString();
    const batch = (checkins: unknown[]) =>
      app.request(`/api/events/${event.id}/checkins/batch`, json({ checkins }, auth));

    // Device 1 scanned A late and B; device 2 scanned A earlier. Device 1 syncs twice (a retry).
    const device1 = [
      { clientId: 'd1-1', ticketCode: a?.ticketCode, scannedAt: late },
      { clientId: 'd1-2', participantId: b?.id, scannedAt: late },
      { clientId: 'd1-3', ticketCode: 'XXXX' },
    ];
    const first = await (await batch(device1)).json();
    expect(first.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(first.results[2].error.code).toBe('ticket_not_found');
    const replay = await (await batch(device1)).json();
    expect(replay.results[0].checkin.alreadyCheckedIn).toBe(false);

    const device2 = await (
      await batch([{ clientId: 'd2-1', ticketCode: a?.ticketCode, scannedAt: early }])
    ).json();
    expect(device2.results[0].checkin.alreadyCheckedIn).toBe(true);

    const attendance = await (
      await app.request(`/api/events/${event.id}/attendance`, { headers: auth })
    ).json();
    expect(attendance).toMatchObject({
      registered: 2,
      checkedIn: 2,
      cooperativesRegistered: 1,
      cooperativesPresent: 1,
    });
    expect(attendance.cooperativesInvited).toBe(185);
    const record = await store.checkins.get(event.id, a?.id as string);
    expect(record?.checkedInAt).toBe(early);
    expect(record?.duplicateScans).toHaveLength(1);
  });

  it('undoes a check-in', async () => {
    const { registrations, event, auth, scan } = await door(cooperatives(1));
    const participant = registrations[0]?.registration.participants[0];
    await scan({ participantId: participant?.id });
    const undo = await app.request(`/api/events/${event.id}/checkins/${participant?.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(undo.status).toBe(200);
    expect(await store.checkins.get(event.id, participant?.id as string)).toBeUndefined();
    const again = await app.request(`/api/events/${event.id}/checkins/${participant?.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(again.status).toBe(404);
  });

  it('seats a walk-in of an invited cooperative, needing a reason beyond the officer limit', async () => {
    const [registered, unregistered] = cooperatives(2);
    const { registrations, event, auth } = await door([registered as string], 3);
    const walkIn = (body: unknown) => app.request(`/api/events/${event.id}/walk-ins`, json(body, auth));
    const refused = await walkIn({
      cooperativeId: registered,
      name: 'Tamu Tambahan',
      role: 'anggota_pengawas',
    });
    expect((await refused.json()).error.code).toBe('too_many_participants');
    const allowed = await walkIn({
      cooperativeId: registered,
      name: 'Tamu Tambahan',
      role: 'anggota_pengawas',
      reason: 'Kepala desa meminta hadir',
    });
    expect(allowed.status).toBe(201);
    expect((await allowed.json()).checkin.alreadyCheckedIn).toBe(false);

    const fresh = await walkIn({
      cooperativeId: unregistered,
      name: 'Pak Lurah',
      role: 'ketua_pengawas',
      phone: '0813 9999 0001',
    });
    expect(fresh.status).toBe(201);
    const stored = await store.events.get(event.id, { consistent: true });
    expect(stored?.seatsTaken).toBe(5);
    const reg = await store.registrations.get(registrations[0]?.registration.id as string);
    expect(reg?.participants.at(-1)?.walkIn?.reason).toBe('Kepala desa meminta hadir');
  });

  it('a walk-in sent again with its device nonce seats the officer once, also when the retries race', async () => {
    const [registered, unregistered] = cooperatives(2);
    const { registrations, event, auth } = await door([registered as string], 2);
    const walkIn = (body: unknown) => app.request(`/api/events/${event.id}/walk-ins`, json(body, auth));
    const scannedAt = new Date(Date.now() - 600_000).toISOString();
    for (const [cooperativeId, name] of [
      [registered, 'Bendahara Susulan'],
      [unregistered, 'Ketua Datang Langsung'],
    ] as const) {
      const body = { cooperativeId, name, role: 'bendahara', clientId: `door-${name}`, scannedAt };
      // The answer was lost, then the device sent it twice more at once (the offline queue and a tap).
      const first = await walkIn(body);
      const retries = await Promise.all([walkIn(body), walkIn(body)]);
      const answers = await Promise.all([first, ...retries].map((res) => res.json()));
      expect([first, ...retries].map((res) => res.status)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((answer) => answer.checkin.participantId)).size).toBe(1);
      // Checked in when the door saw them (the device's time), not when the queue synced.
      expect(answers.every((answer) => answer.checkin.checkedInAt === scannedAt)).toBe(true);
      expect(answers.every((answer) => answer.checkin.alreadyCheckedIn === false)).toBe(true);
    }
    const roster = await store.registrations.listByEvent(event.id);
    const names = roster.flatMap((r) => r.participants.map((p) => p.name));
    expect(names.filter((name) => name === 'Bendahara Susulan')).toHaveLength(1);
    expect(names.filter((name) => name === 'Ketua Datang Langsung')).toHaveLength(1);
    const grown = await store.registrations.get(registrations[0]?.registration.id as string);
    expect(grown?.participants).toHaveLength(3);
    expect((await store.events.get(event.id, { consistent: true }))?.seatsTaken).toBe(4);
    expect((await store.checkins.listByEvent(event.id)).length).toBe(2);
  });

  it('checks in a substitute in place of a registered officer', async () => {
    const { registrations, event, auth, scan } = await door(cooperatives(1));
    const absent = registrations[0]?.registration.participants[0];
    const res = await app.request(
      `/api/events/${event.id}/substitutes`,
      json({ participantId: absent?.id, name: 'Pengganti Hadir' }, auth),
    );
    expect(res.status).toBe(201);
    expect((await res.json()).checkin).toMatchObject({ name: 'Pengganti Hadir', role: absent?.role });
    const old = await scan({ ticketCode: absent?.ticketCode });
    expect((await old.json()).error.code).toBe('ticket_not_found');
  });

  it('refuses anonymous callers and stations of another session', async () => {
    const mine = await door(cooperatives(1));
    const theirs = await door(cooperatives(1));
    const anonymous = await app.request(`/api/events/${mine.event.id}/checkins`, json({ ticketCode: 'X' }));
    expect(anonymous.status).toBe(401);
    const wrongStation = await app.request(
      `/api/events/${mine.event.id}/checkins`,
      json({ ticketCode: 'X' }, theirs.auth),
    );
    expect(wrongStation.status).toBe(403);
    const roster = await app.request(`/api/events/${mine.event.id}/roster`, { headers: theirs.auth });
    expect(roster.status).toBe(403);
  });

  it('gives a station an offline roster without ticket codes or full phone numbers', async () => {
    const { registrations, event, auth } = await door(cooperatives(1));
    const { roster } = await (await app.request(`/api/events/${event.id}/roster`, { headers: auth })).json();
    expect(roster).toHaveLength(2);
    const text = JSON.stringify(roster);
    for (const p of registrations[0]?.registration.participants ?? []) {
      expect(text).not.toContain(p.ticketCode);
      expect(text).not.toContain(p.phone as string);
    }
    expect(roster[0].phoneMasked).toMatch(/^\+62 812-\*\*\*\*-\d{3}$/);
    expect(roster[0].districtName).toBeTruthy();
    expect(roster[0].villageName).toBeTruthy();
  });
});
