import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventRecord } from '../../functions/domain/schemas';
import { createRegistrationService } from '../../functions/services/registrations';
import { createTestApp, json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/** The date guard at the server: live scans, offline batches (judged at their own time), walk-ins, substitutes. */
let store: TestStore;
let app: ReturnType<typeof createTestApp>;
let directory: string[] = [];
let seed = 93_000;

beforeAll(async () => {
  store = await createTestStore();
  directory = (await seedKotim(store)).map((cooperative) => cooperative.id);
  app = createTestApp(store);
});

async function door(overrides: Partial<EventRecord>) {
  const event = makeEvent({ checkinAnyTime: false, ...overrides });
  await store.events.put(event);
  const token = await enrolTestStation(store, event.id);
  const { registration } = await createRegistrationService(store).register(
    event.id,
    registrationBody(directory.shift() as string, 2, seed++),
    { language: 'id' },
  );
  const auth = { authorization: `Bearer ${token}` };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(`/api/events/${event.id}${path}`, json(body, { ...auth, ...headers }));
  return { event, registration, post };
}

const hour = 3_600_000;
const inDays = (days: number) => {
  const start = Date.now() + days * 86_400_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * hour).toISOString(),
    // Open for registration now, whenever the session is: each test registers first.
    registrationDeadline: new Date(Date.now() + hour).toISOString(),
  };
};

describe('check-in outside the session’s window', () => {
  it('a live scan four days early is refused with a stable code and both languages; nothing is recorded', async () => {
    const { registration, post, event } = await door(inDays(4));
    const participant = registration.participants[0];
    const id = await post('/checkins', { ticketCode: participant?.ticketCode });
    expect(id.status).toBe(409);
    const body = await id.json();
    expect(body.error.code).toBe('checkin_not_open');
    expect(body.error.message).toMatch(/^Check-in belum dibuka\. .* pukul \d{2}\.\d{2} WIB\.$/);
    const en = await post('/checkins', { ticketCode: participant?.ticketCode }, { 'accept-language': 'en' });
    expect((await en.json()).error.message).toMatch(/^Check-in is not open yet\. .* at \d{2}:\d{2} WIB\.$/);
    expect(await store.checkins.get(event.id, participant?.id as string)).toBeUndefined();
  });

  it('the door’s roster carries the window, so a device offline can judge a scan the same way', async () => {
    const { event } = await door(inDays(4));
    const token = await enrolTestStation(store, event.id, 'Pintu 2');
    const res = await app.request(`/api/events/${event.id}/roster`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { checkinWindow } = await res.json();
    expect(checkinWindow).toEqual({
      opensAt: new Date(Date.parse(event.startsAt) - 2 * hour).toISOString(),
      closesAt: expect.any(String),
      anyTime: false,
    });
    expect(Date.parse(checkinWindow.closesAt)).toBeGreaterThan(Date.parse(event.endsAt));
  });

  it('a walk-in or a substitute four days early is refused before anyone is seated', async () => {
    const { registration, post, event } = await door(inDays(4));
    const walkIn = await post('/walk-ins', {
      cooperativeId: directory.shift(),
      name: 'Datang Terlalu Awal',
      role: 'ketua',
      clientId: 'walk-in-early-1',
    });
    expect(walkIn.status).toBe(409);
    expect((await walkIn.json()).error.code).toBe('checkin_not_open');
    const substitute = await post('/substitutes', {
      participantId: registration.participants[1]?.id,
      name: 'Pengganti Terlalu Awal',
    });
    expect((await substitute.json()).error.code).toBe('checkin_not_open');
    const stored = await store.events.get(event.id, { consistent: true });
    expect(stored?.seatsTaken).toBe(2);
  });

  it('an offline batch is judged at each scan’s own time: early scans refused, scans during the session kept', async () => {
    // The session ended two hours ago; the door phone syncs its queue now.
    const { registration, post, event } = await door(inDays(-5 / 24));
    const [first, second] = registration.participants;
    const during = new Date(Date.parse(event.startsAt) + 30 * 60_000).toISOString();
    const early = new Date(Date.parse(event.startsAt) - 5 * hour).toISOString();
    const res = await post('/checkins/batch', {
      checkins: [
        { clientId: 'scan-during', ticketCode: first?.ticketCode, scannedAt: during },
        { clientId: 'scan-early', ticketCode: second?.ticketCode, scannedAt: early },
      ],
    });
    const { results } = await res.json();
    expect(results[0].ok).toBe(true);
    expect(results[0].checkin.checkedInAt).toBe(during);
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'checkin_not_open' } });
  });

  it('a live scan the day after the session is refused as closed', async () => {
    const { registration, post } = await door(inDays(-1.5));
    const res = await post('/checkins', { ticketCode: registration.participants[0]?.ticketCode });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('checkin_closed');
    expect(body.error.message).toMatch(
      /^Check-in sudah ditutup\. Sesi berakhir .* pukul \d{2}\.\d{2} WIB\.$/,
    );
  });

  it('an organizer’s "any time" setting lets the same scan in', async () => {
    const { registration, post, event } = await door(inDays(4));
    await store.checkins.setWindow(event.id, { checkinOpensMinutesBefore: 120, checkinAnyTime: true });
    // The door reads the session from a snapshot at most a few seconds old: the scan comes a little later.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 5_100);
      const res = await post('/checkins', { ticketCode: registration.participants[0]?.ticketCode });
      expect(res.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the certificate waits for the session’s end', async () => {
    const { registration, post, event } = await door({
      ...inDays(0),
      startsAt: new Date(Date.now() - hour).toISOString(),
    });
    const participant = registration.participants[0];
    expect((await post('/checkins', { ticketCode: participant?.ticketCode })).status).toBe(200);
    const res = await app.request(`/t/${participant?.ticketCode}/sertifikat.pdf`);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).not.toContain('pdf');
    expect(await res.text()).toContain('Sertifikat tersedia setelah sesi selesai');
    expect(await (await app.request(`/t/${participant?.ticketCode}`)).text()).not.toContain('sertifikat.pdf');
    expect(event.id).toBeTruthy();
  });
});
