import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../functions/domain/schemas';
import { assets } from '../../functions/http/assets';
import { isPrivatePath } from '../../functions/http/no-store';
import { consoleCss } from '../../functions/http/pages/admin/console-styles';
import { createConsoleApp, makeUser, seedOrganisations, signIn } from '../admin/helpers';
import { json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let store: TestStore;
let app: ReturnType<typeof createConsoleApp>;
let event: EventRecord;
let registrationId: string;
let manageToken: string;
let ticketCode: string;
let cookie: string;
let stationToken: string;

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  app = createConsoleApp(store);
  event = makeEvent({ organisationId: 'dinkop-kotim' });
  await store.events.put(event);
  const created = await app.request(
    `/api/events/${event.id}/registrations`,
    json(registrationBody('62.02.06.2005', 2, 7)),
  );
  expect(created.status).toBe(201);
  const body = await created.json();
  registrationId = body.registration.id;
  manageToken = body.manageToken;
  ticketCode = body.registration.participants[0].ticketCode;
  const admin = await makeUser(store, 'admin');
  cookie = await signIn(app, store, admin.email);
  stationToken = await enrolTestStation(store, event.id);
});

const cacheControl = async (path: string, init: RequestInit = {}) => {
  const res = await app.request(path, init);
  return { status: res.status, cacheControl: res.headers.get('cache-control') };
};

describe('answers with personal data or secrets are never stored by a cache', () => {
  const manage = () => `/kelola/${registrationId}?token=${encodeURIComponent(manageToken)}`;
  const bearer = () => ({ headers: { authorization: `Bearer ${manageToken}` } });
  const session = () => ({ headers: { cookie } });
  const station = () => ({ headers: { authorization: `Bearer ${stationToken}` } });

  const cases: [string, () => string, () => RequestInit, number][] = [
    ['the manage page', manage, () => ({}), 200],
    ['a ticket', () => `/t/${ticketCode}`, () => ({}), 200],
    ['a ticket’s QR image', () => `/t/${ticketCode}/qr.png`, () => ({}), 200],
    ['a ticket’s calendar file', () => `/t/${ticketCode}/tiket.ics`, () => ({}), 200],
    ['GET /api/registrations/:id', () => `/api/registrations/${registrationId}`, bearer, 200],
    ['a registration’s data export', () => `/api/registrations/${registrationId}/data`, bearer, 200],
    ['the console home', () => '/admin', session, 200],
    ['a session in the console', () => `/admin/acara/${event.id}`, session, 200],
    ['the users page', () => '/admin/pengguna', session, 200],
    ['the audit log', () => '/admin/audit', session, 200],
    ['the reports', () => '/admin/laporan', session, 200],
    ['a CSV export', () => `/admin/laporan/acara/${event.id}/ekspor/peserta.csv`, session, 200],
    ['an XLSX export', () => `/admin/laporan/acara/${event.id}/ekspor/pendaftaran.xlsx`, session, 200],
    ['the attendance sheet', () => `/admin/laporan/acara/${event.id}/daftar-hadir.pdf`, session, 200],
    ['the console API', () => '/api/admin/me', session, 200],
    ['a session’s registrations', () => `/api/admin/events/${event.id}/registrations`, session, 200],
    ['the door’s roster', () => `/api/events/${event.id}/roster`, station, 200],
    ['the door’s attendance', () => `/api/events/${event.id}/attendance`, station, 200],
    ['the door page', () => `/checkin/${event.id}`, station, 200],
    ['the sign-in page', () => '/masuk', () => ({}), 200],
    ['a refused console request', () => '/api/admin/me', () => ({}), 401],
    ['an unknown ticket', () => '/t/TIDAKADA', () => ({}), 404],
  ];

  it.each(cases)('%s', async (_name, path, init, status) => {
    expect(await cacheControl(path(), init())).toEqual({ status, cacheControl: 'no-store' });
  });

  it('a check-in at the door and a registration’s change, answers to writes', async () => {
    const scan = await app.request(
      `/api/events/${event.id}/checkins`,
      json({ ticketCode }, { authorization: `Bearer ${stationToken}` }),
    );
    expect(scan.status).toBeLessThan(300);
    expect(scan.headers.get('cache-control')).toBe('no-store');
    const registered = await app.request(
      `/api/events/${event.id}/registrations`,
      json(registrationBody('62.02.01.1009', 1, 8)),
    );
    expect(registered.status).toBe(201);
    expect(registered.headers.get('cache-control')).toBe('no-store');
  });
});

describe('what is public stays cacheable', () => {
  it('the session list, a session and the fingerprinted assets do not say no-store', async () => {
    for (const path of ['/', '/api/events', `/acara/${event.id}`, `/api/events/${event.id}`]) {
      const { status, cacheControl: header } = await cacheControl(path);
      expect(status, path).toBe(200);
      expect(header ?? '', path).not.toContain('no-store');
    }
    for (const path of [assets.css.path, consoleCss.path]) {
      expect((await cacheControl(path)).cacheControl, path).toContain('immutable');
    }
  });

  it('names the console’s prefixes, not look-alikes', () => {
    expect(isPrivatePath('/administrasi')).toBe(false);
    expect(isPrivatePath('/tentang')).toBe(false);
    expect(isPrivatePath('/admin')).toBe(true);
    expect(isPrivatePath('/keluar')).toBe(true);
    expect(isPrivatePath('/api/events/abc/checkins/xyz')).toBe(true);
    expect(isPrivatePath('/api/docs')).toBe(false);
  });
});
