import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../functions/db/store';
import type { EventRecord } from '../../functions/domain/schemas';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createTestApp, json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { capturingTransport, tableItems } from '../helpers/stored-secrets';

let store: TestStore;
let app: ReturnType<typeof createTestApp>;
let directory: string[] = [];
let seed = 8100;

beforeAll(async () => {
  store = await createTestStore();
  directory = (await seedKotim(store)).map((cooperative) => cooperative.id);
  app = createTestApp(store);
});

type Officer = { id: string; name: string; ticketCode: string };
type Registered = { registration: { id: string; participants: Officer[] }; manageToken: string };

/** A session whose doors are open, a station enrolled at it, and a helper to scan at that station. */
async function openDoors() {
  const now = Date.now();
  const event: EventRecord = makeEvent({
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 3 * 3_600_000).toISOString(),
    registrationDeadline: new Date(now + 3_600_000).toISOString(),
  });
  await store.events.put(event);
  const token = await enrolTestStation(store, event.id);
  const auth = { authorization: `Bearer ${token}` };
  const scan = (ticketCode: string) =>
    app.request(`/api/events/${event.id}/checkins`, json({ ticketCode }, auth));
  return { event, auth, scan };
}

/** A cooperative's officers; the first has an address of their own, so they get their own ticket email. */
function officers(count: number) {
  const body = registrationBody(directory.shift() as string, count, seed++);
  body.participants[0] = { ...body.participants[0], email: `pengurus${seed}@example.org` } as never;
  return body;
}

async function register(eventId: string, body = officers(2), headers: Record<string, string> = {}) {
  const res = await app.request(`/api/events/${eventId}/registrations`, json(body, headers));
  expect([200, 201]).toContain(res.status);
  return (await res.json()) as Registered;
}

describe('ticket codes, stored nowhere', () => {
  it('leaves no ticket code in any item of the table, yet shows, emails and admits every ticket', async () => {
    const { event, auth, scan } = await openDoors();
    const body = officers(2);
    const first = await register(event.id, body, { 'idempotency-key': 'satu-kali-saja' });
    const replayed = await register(event.id, body, { 'idempotency-key': 'satu-kali-saja' });
    // The replay is rebuilt from an idempotency record without codes, and still carries the same tickets.
    expect(replayed).toEqual(first);
    const walkIn = await app.request(
      `/api/events/${event.id}/walk-ins`,
      json({ cooperativeId: directory.shift(), name: 'Datang Langsung', role: 'ketua' }, auth),
    );
    expect(walkIn.status).toBe(201);
    const transport = capturingTransport();
    await createOutboxWorker({
      store,
      transport,
      mail: { baseUrl: 'https://hadir.test', from: 'hadir <noreply@hadir.test>' },
    }).drain();

    const registrations = await store.registrations.listByEvent(event.id);
    const seated = registrations.flatMap((registration) => registration.participants);
    expect(seated).toHaveLength(3);
    const codes = seated.map((officer) => officer.ticketCode);
    expect(codes.every((code) => /^[0-9A-Z]{26}$/.test(code))).toBe(true);
    expect(first.registration.participants.map((p) => p.ticketCode)).toEqual(codes.slice(0, 2));

    const items = await tableItems(store);
    expect(items.some((item) => String(item.pk).startsWith('TICKET#'))).toBe(true);
    for (const item of items) {
      const text = JSON.stringify(item);
      for (const code of codes) expect(text, `${item.pk} ${item.sk}`).not.toContain(code);
    }

    // The manage link, the ticket page and the emails show the codes again; each code opens its door.
    const manage = await app.request(`/api/registrations/${first.registration.id}`, {
      headers: { authorization: `Bearer ${first.manageToken}` },
    });
    expect((await manage.json()).registration.participants.map((p: Officer) => p.ticketCode)).toEqual(
      codes.slice(0, 2),
    );
    const page = await app.request(`/t/${codes[0]}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(codes[0]);
    const ticketEmail = transport.sent.find((message) => message.to[0]?.startsWith('pengurus'));
    expect(ticketEmail?.text).toContain(`https://hadir.test/t/${codes[0]}`);
    for (const code of codes.slice(0, 2)) {
      const res = await scan(code);
      expect(res.status).toBe(200);
      expect((await res.json()).checkin.alreadyCheckedIn).toBe(false);
    }
  });

  it('gives a substitute a new code and stops the absent officer’s one, at the door and on the ticket page', async () => {
    const { event, scan } = await openDoors();
    const created = await register(event.id);
    const [kept, absent] = created.registration.participants as [Officer, Officer];
    const res = await app.request(`/api/registrations/${created.registration.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.manageToken}` },
      body: JSON.stringify({
        participants: [
          { id: kept.id, name: kept.name, role: 'ketua' },
          { id: absent.id, name: 'Pengganti Sah', role: 'sekretaris' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const [still, substitute] = (await res.json()).registration.participants as [Officer, Officer];
    expect(still).toMatchObject({ id: kept.id, ticketCode: kept.ticketCode });
    expect(substitute.id).not.toBe(absent.id);
    expect(substitute.ticketCode).not.toBe(absent.ticketCode);

    expect((await app.request(`/t/${absent.ticketCode}`)).status).toBe(404);
    expect((await (await scan(absent.ticketCode)).json()).error.code).toBe('ticket_not_found');
    const admitted = await scan(substitute.ticketCode);
    expect(admitted.status).toBe(200);
    expect((await admitted.json()).checkin.name).toBe('Pengganti Sah');
  });

  it('yields no working ticket to whoever reads the table without the ticket key', async () => {
    const { event } = await openDoors();
    const created = await register(event.id, officers(1));
    const [officer] = created.registration.participants as [Officer];
    const copy = createStore(store.doc, store.tableName, {
      ticketKey: 'someone-elses-guess-at-the-key-0123456789abcdef',
    });
    const seen = await copy.registrations.get(created.registration.id);
    const guessed = seen?.participants[0]?.ticketCode as string;
    expect(guessed).not.toBe(officer.ticketCode);
    expect(await copy.registrations.findTicket(guessed)).toBeUndefined();
    expect((await store.registrations.findTicket(officer.ticketCode))?.participant.id).toBe(officer.id);
  });
});
