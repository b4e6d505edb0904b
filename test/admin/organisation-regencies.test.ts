import { beforeAll, expect, it } from 'vitest';
import { KOTIM_DINAS, seedConsole } from '../../functions/local/seed';
import type { TestStore } from '../helpers/store';
import { createTestStore, seedKotim } from '../helpers/store';
import {
  type ConsoleApp,
  createConsoleApp,
  eventBody,
  jsonRequest,
  makeUser,
  ORG,
  seedOrganisations,
  signIn,
} from './helpers';

/** An admin binds each organisation to the regencies it serves; its organizers create and edit sessions only there. */

const ORIGIN = 'http://localhost';
const SERUYAN = { id: 'dinkop-seruyan', name: 'Dinas Koperasi Seruyan' };

let store: TestStore;
let app: ConsoleApp;
let admin: string;
let organizer: string;

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  await store.users.putOrganisation({ ...SERUYAN, createdAt: new Date().toISOString() });
  app = createConsoleApp(store);
  admin = await signIn(app, store, (await makeUser(store, 'admin')).email);
  organizer = await signIn(app, store, (await makeUser(store, 'organizer', SERUYAN.id)).email);
});

const call = (cookie: string, method: string, path: string, body?: unknown) =>
  app.request(path, jsonRequest(method, body, { cookie, origin: ORIGIN }));

it('an organizer cannot create a session in a regency their organisation does not serve, and is told why', async () => {
  const refused = await call(organizer, 'POST', '/api/admin/events', eventBody());
  expect(refused.status).toBe(400);
  const { error } = await refused.json();
  expect(error.issues).toEqual([
    expect.objectContaining({ path: ['regencyCode'], code: 'regency_not_served' }),
  ]);
  expect(error.issues[0].message).toContain('tidak melayani kabupaten/kota');
  const english = await call(organizer, 'POST', '/api/admin/events?lang=en', eventBody());
  expect((await english.json()).error.issues[0].message).toContain('does not serve that regency');
});

it('an admin binds the organisation through the API; unknown and malformed codes are refused by name', async () => {
  const path = `/api/admin/organisations/${SERUYAN.id}/regencies`;
  const unknown = await call(admin, 'PUT', path, { regencyCodes: ['62.02', '62.99'] });
  expect(unknown.status).toBe(400);
  const { error } = await unknown.json();
  expect(error.issues).toEqual([
    expect.objectContaining({ path: ['regencyCodes', 1], code: 'unknown_regency' }),
  ]);
  expect(error.issues[0].message).toBe('Kabupaten/kota ini belum ada di direktori koperasi.');
  const malformed = await call(admin, 'PUT', `${path}?lang=en`, { regencyCodes: ['6202'] });
  expect(malformed.status).toBe(400);
  expect((await malformed.json()).error.issues[0].message).toContain('two digits, a dot and two digits');
  expect((await call(organizer, 'PUT', path, { regencyCodes: ['62.02'] })).status).toBe(403);
  expect(
    (await call(admin, 'PUT', '/api/admin/organisations/dinkop-nowhere/regencies', { regencyCodes: [] }))
      .status,
  ).toBe(404);

  const bound = await call(admin, 'PUT', path, { regencyCodes: ['62.02', '62.02'] });
  expect(bound.status).toBe(200);
  expect((await bound.json()).organisation.regencyCodes).toEqual(['62.02']);
  const listed = await (await call(admin, 'GET', '/api/admin/organisations')).json();
  expect(listed.organisations.find((o: { id: string }) => o.id === SERUYAN.id).regencyCodes).toEqual([
    '62.02',
  ]);

  const created = await call(organizer, 'POST', '/api/admin/events', eventBody());
  expect(created.status).toBe(201);
  const eventId = (await created.json()).id;
  // Moving the session to a regency the organisation does not serve is refused like creating it there.
  const moved = await call(organizer, 'PATCH', `/api/admin/events/${eventId}`, {
    regencyCode: '62.01',
    invitedDistrictCodes: [],
  });
  expect(moved.status).toBe(400);
  expect((await moved.json()).error.issues[0].code).toBe('regency_not_served');

  // Once unbound, its organizers can no longer edit sessions there either.
  await call(admin, 'PUT', path, { regencyCodes: [] });
  expect((await call(organizer, 'PATCH', `/api/admin/events/${eventId}`, { capacity: 70 })).status).toBe(400);
});

it('an admin binds the organisation on the users page', async () => {
  const page = await (await app.request('/admin/pengguna', { headers: { cookie: admin } })).text();
  expect(page).toContain(`action="/admin/organisasi/${SERUYAN.id}/wilayah"`);
  expect(page).toContain('Kabupaten/kota yang dilayani');
  const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const post = (cookie: string, codes: string[]) => {
    const body = new URLSearchParams({ _csrf: csrf });
    for (const code of codes) body.append('regencyCodes', code);
    return app.request(`/admin/organisasi/${SERUYAN.id}/wilayah`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  };
  const saved = await post(admin, ['62.02']);
  expect(saved.status).toBe(303);
  expect((await store.users.getOrganisation(SERUYAN.id))?.regencyCodes).toEqual(['62.02']);
  const after = await (await app.request('/admin/pengguna', { headers: { cookie: admin } })).text();
  expect(after).toMatch(/<tr data-organisation="dinkop-seruyan">[\s\S]*?62\.02 [^<,]*Kotawaringin Timur/i);
  const wrong = await post(admin, ['62.99']);
  expect(wrong.status).toBe(400);
  expect(await wrong.text()).toContain('belum ada di direktori koperasi');
  expect((await post(organizer, ['62.02'])).status).toBe(403);
});

it('the local seed binds the Kotim Dinas to Kotim, once, and keeps what an admin chose since', async () => {
  const fresh = await createTestStore();
  await seedConsole(fresh, new Date(), 'admin@hadir.test');
  expect((await fresh.users.getOrganisation(KOTIM_DINAS.id))?.regencyCodes).toEqual(['62.02']);

  const legacy = await createTestStore();
  await legacy.users.putOrganisation({ ...KOTIM_DINAS, createdAt: new Date().toISOString() });
  await seedConsole(legacy, new Date(), 'admin@hadir.test');
  expect((await legacy.users.getOrganisation(KOTIM_DINAS.id))?.regencyCodes).toEqual(['62.02']);

  await legacy.users.setOrganisationRegencies(KOTIM_DINAS.id, []);
  await seedConsole(legacy, new Date(), 'admin@hadir.test');
  expect((await legacy.users.getOrganisation(KOTIM_DINAS.id))?.regencyCodes).toEqual([]);
  expect(ORG.id).toBe(KOTIM_DINAS.id);
});
