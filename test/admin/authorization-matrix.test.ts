import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import { authorizeCheckin } from '../../functions/http/station-auth';
import { createRegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import {
  type ConsoleApp,
  createConsoleApp,
  eventBody,
  jsonRequest,
  makeUser,
  ORG,
  OTHER_ORG,
  seedOrganisations,
  signIn,
} from './helpers';

/**
 * Every admin route against every kind of caller. A fresh session (with registrations, a waitlisted one and
 * a station) backs each call that is expected to change something, so the order of calls does not matter.
 */

const actors = [
  'anonymous',
  'station',
  'ba',
  'otherOrganizer',
  'organizer',
  'admin',
  'provinceViewer',
  'nationalViewer',
] as const;
type ActorName = (typeof actors)[number];
type Expected = Record<ActorName, number>;
/** Province and national viewers read the coverage pages only: every admin route refuses them. */
const statuses = (...codes: number[]): Expected =>
  Object.fromEntries(actors.map((actor, index) => [actor, codes[index] ?? 403])) as Expected;

type World = {
  eventId: string;
  assignedReg: string;
  otherReg: string;
  waitingReg: string;
  stationId: string;
  stationToken: string;
};

const assignedCoop = '62.02.05.1001';
const otherCoop = '62.02.05.1002';
const waitingCoop = '62.02.05.1003';
let seed = 7000;

let store: TestStore;
let app: ConsoleApp;
let shared: World;
let ba: User;
let admin: User;
const headers: Partial<Record<ActorName, Record<string, string>>> = {};

async function makeWorld(): Promise<World> {
  const event = makeEvent({ organisationId: ORG.id, capacity: 6, invitedDistrictCodes: ['62.02.05'] });
  await store.events.put(event);
  const registrations = createRegistrationService(store);
  const reg = (coop: string, count: number) =>
    registrations.register(event.id, registrationBody(coop, count, seed++), { language: 'id' });
  const assigned = await reg(assignedCoop, 3);
  const other = await reg(otherCoop, 3);
  const waiting = await reg(waitingCoop, 2);
  expect(waiting.registration.status).toBe('waitlisted');
  // More seats, without letting the waitlist move up by itself: the organizer will promote.
  const current = await store.eventAdmin.getEvent(event.id);
  await store.eventAdmin.update(event.id, { ...(current as typeof event), capacity: 8 });
  const created = await app.request(
    `/api/admin/events/${event.id}/stations`,
    jsonRequest('POST', { name: 'Pintu 1' }, headers.admin),
  );
  const station = await created.json();
  return {
    eventId: event.id,
    assignedReg: assigned.registration.id,
    otherReg: other.registration.id,
    waitingReg: waiting.registration.id,
    stationId: station.station.id,
    stationToken: station.token,
  };
}

type Route = {
  name: string;
  request: (w: World) => [string, RequestInit?];
  expected: Expected;
};

const routes: Route[] = [
  {
    name: 'GET /api/admin/me',
    request: () => ['/api/admin/me'],
    expected: statuses(401, 403, 200, 200, 200, 200),
  },
  {
    name: 'GET /api/admin/events',
    request: () => ['/api/admin/events'],
    expected: statuses(401, 403, 200, 200, 200, 200),
  },
  {
    name: 'POST /api/admin/events',
    request: () => ['/api/admin/events', jsonRequest('POST', eventBody({ organisationId: ORG.id }))],
    expected: statuses(401, 403, 403, 403, 201, 201),
  },
  {
    name: 'GET /api/admin/events/:eventId',
    request: (w) => [`/api/admin/events/${w.eventId}`],
    expected: statuses(401, 403, 200, 403, 200, 200),
  },
  {
    name: 'PATCH /api/admin/events/:eventId',
    request: (w) => [`/api/admin/events/${w.eventId}`, jsonRequest('PATCH', { capacity: 60 })],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'POST /api/admin/events/:eventId/close',
    request: (w) => [`/api/admin/events/${w.eventId}/close`, { method: 'POST' }],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'POST /api/admin/events/:eventId/cancel',
    request: (w) => [`/api/admin/events/${w.eventId}/cancel`, { method: 'POST' }],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'GET /api/admin/events/:eventId/registrations',
    request: (w) => [`/api/admin/events/${w.eventId}/registrations`],
    expected: statuses(401, 403, 200, 403, 200, 200),
  },
  {
    name: 'GET /api/admin/events/:eventId/stations',
    request: (w) => [`/api/admin/events/${w.eventId}/stations`],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'POST /api/admin/events/:eventId/stations',
    request: (w) => [`/api/admin/events/${w.eventId}/stations`, jsonRequest('POST', { name: 'Pintu 2' })],
    expected: statuses(401, 403, 403, 403, 201, 201),
  },
  {
    name: 'DELETE /api/admin/events/:eventId/stations/:stationId',
    request: (w) => [`/api/admin/events/${w.eventId}/stations/${w.stationId}`, { method: 'DELETE' }],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'GET /api/admin/registrations/:id (assigned to the BA)',
    request: (w) => [`/api/admin/registrations/${w.assignedReg}`],
    expected: statuses(401, 403, 200, 403, 200, 200),
  },
  {
    name: 'GET /api/admin/registrations/:id (not assigned to the BA)',
    request: (w) => [`/api/admin/registrations/${w.otherReg}`],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'PATCH /api/admin/registrations/:id',
    request: (w) => [
      `/api/admin/registrations/${w.assignedReg}`,
      jsonRequest('PATCH', { contact: { name: 'Budi Narahubung', phone: '081299998888' } }),
    ],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'DELETE /api/admin/registrations/:id',
    request: (w) => [`/api/admin/registrations/${w.otherReg}`, { method: 'DELETE' }],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'POST /api/admin/registrations/:id/promote',
    request: (w) => [`/api/admin/registrations/${w.waitingReg}/promote`, { method: 'POST' }],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'POST /api/admin/registrations/:id/resend',
    request: (w) => [`/api/admin/registrations/${w.assignedReg}/resend`, { method: 'POST' }],
    expected: statuses(401, 403, 403, 403, 202, 202),
  },
  {
    name: 'GET /api/admin/users',
    request: () => ['/api/admin/users'],
    expected: statuses(401, 403, 403, 200, 200, 200),
  },
  {
    name: 'POST /api/admin/users',
    request: () => [
      '/api/admin/users',
      jsonRequest('POST', {
        email: `baru${seed++}@example.go.id`,
        name: 'Pengguna Baru',
        role: 'organizer',
        organisationId: ORG.id,
      }),
    ],
    expected: statuses(401, 403, 403, 403, 403, 201),
  },
  {
    name: 'PATCH /api/admin/users/:userId',
    request: () => [`/api/admin/users/${ba.id}`, jsonRequest('PATCH', { name: 'BA Kotim' })],
    expected: statuses(401, 403, 403, 403, 403, 200),
  },
  {
    name: 'GET /api/admin/users/:userId/cooperatives',
    request: () => [`/api/admin/users/${ba.id}/cooperatives`],
    expected: statuses(401, 403, 200, 403, 200, 200),
  },
  {
    name: 'PUT /api/admin/users/:userId/cooperatives',
    request: () => [
      `/api/admin/users/${ba.id}/cooperatives`,
      jsonRequest('PUT', { cooperativeIds: [assignedCoop] }),
    ],
    expected: statuses(401, 403, 403, 403, 200, 200),
  },
  {
    name: 'POST /api/admin/assignments/import',
    request: () => [
      '/api/admin/assignments/import',
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: `email,cooperativeId\n${ba.email},${assignedCoop}\n`,
      },
    ],
    // Another organisation's organizer cannot name this BA: the row is refused as unknown (400).
    expected: statuses(401, 403, 403, 400, 200, 200),
  },
  {
    name: 'GET /api/admin/organisations',
    request: () => ['/api/admin/organisations'],
    expected: statuses(401, 403, 200, 200, 200, 200),
  },
  {
    name: 'POST /api/admin/organisations',
    request: () => [
      '/api/admin/organisations',
      jsonRequest('POST', { id: `dinas-${seed++}`, name: 'Dinas Koperasi Baru' }),
    ],
    expected: statuses(401, 403, 403, 403, 403, 201),
  },
  {
    name: 'GET /api/admin/audit',
    request: () => ['/api/admin/audit'],
    expected: statuses(401, 403, 403, 403, 403, 200),
  },
];

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  app = createConsoleApp(store);
  admin = await makeUser(store, 'admin');
  ba = await makeUser(store, 'business_assistant');
  const organizer = await makeUser(store, 'organizer');
  const otherOrganizer = await makeUser(store, 'organizer', OTHER_ORG.id);
  await store.users.setAssignments(ba.id, [assignedCoop], new Date());
  const provinceViewer = await makeUser(store, 'province_viewer', ORG.id, { provinceCodes: ['62'] });
  const nationalViewer = await makeUser(store, 'national_viewer', 'kemenkop');
  for (const [name, user] of [
    ['admin', admin],
    ['ba', ba],
    ['organizer', organizer],
    ['otherOrganizer', otherOrganizer],
    ['provinceViewer', provinceViewer],
    ['nationalViewer', nationalViewer],
  ] as const) {
    headers[name] = { cookie: await signIn(app, store, user.email) };
  }
  headers.anonymous = {};
  shared = await makeWorld();
  headers.station = { authorization: `Bearer ${shared.stationToken}` };
}, 120_000);

describe('authorisation matrix: every admin route × every caller', () => {
  for (const route of routes) {
    it(`${route.name}: ${actors.map((a) => `${a} ${route.expected[a]}`).join(', ')}`, async () => {
      const got: Partial<Expected> = {};
      for (const actor of actors) {
        const changes = (route.request(shared)[1]?.method ?? 'GET') !== 'GET';
        const world = changes && route.expected[actor] < 300 ? await makeWorld() : shared;
        const [path, init = {}] = route.request(world);
        const res = await app.request(path, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), ...headers[actor] },
        });
        got[actor] = res.status;
        if (res.status >= 400) {
          const body = await res.json();
          expect(body.error.code, `${route.name} as ${actor}`).toBeTypeOf('string');
        }
      }
      expect(got).toEqual(route.expected);
    }, 120_000);
  }
});

describe('what each caller sees', () => {
  it('a Business Assistant lists only the registrations of their cooperatives', async () => {
    const res = await app.request(`/api/admin/events/${shared.eventId}/registrations`, {
      headers: headers.ba,
    });
    const body = await res.json();
    expect(body.registrations.map((r: { cooperativeId: string }) => r.cooperativeId)).toEqual([assignedCoop]);
    expect(body.notRegistered.every((c: { cooperativeId: string }) => c.cooperativeId === assignedCoop)).toBe(
      true,
    );
  });

  it('an organizer of another organisation does not see the session in their list', async () => {
    const res = await app.request('/api/admin/events', { headers: headers.otherOrganizer });
    const { events } = await res.json();
    expect(events.map((e: { id: string }) => e.id)).not.toContain(shared.eventId);
    const mine = await app.request('/api/admin/events', { headers: headers.organizer });
    expect((await mine.json()).events.map((e: { id: string }) => e.id)).toContain(shared.eventId);
  });

  it('a station token checks in for its own session only, and not after it is revoked', async () => {
    const probe = createConsoleApp(store);
    probe.get('/probe/:eventId', async (c) => c.json(await authorizeCheckin(c, c.req.param('eventId'))));
    const world = await makeWorld();
    const bearer = { authorization: `Bearer ${world.stationToken}` };
    const own = await probe.request(`/probe/${world.eventId}`, { headers: bearer });
    expect(own.status).toBe(200);
    expect((await own.json()).kind).toBe('station');
    expect((await probe.request(`/probe/${shared.eventId}`, { headers: bearer })).status).toBe(403);
    expect((await probe.request(`/probe/${world.eventId}`)).status).toBe(401);
    expect((await probe.request(`/probe/${world.eventId}`, { headers: headers.organizer })).status).toBe(200);
    expect((await probe.request(`/probe/${world.eventId}`, { headers: headers.otherOrganizer })).status).toBe(
      403,
    );
    expect((await probe.request(`/probe/${world.eventId}`, { headers: headers.ba })).status).toBe(403);
    await app.request(`/api/admin/events/${world.eventId}/stations/${world.stationId}`, {
      method: 'DELETE',
      headers: headers.admin,
    });
    expect((await probe.request(`/probe/${world.eventId}`, { headers: bearer })).status).toBe(401);
  });

  it('personal data views and changes land in the audit log, newest first', async () => {
    const res = await app.request('/api/admin/audit?limit=5', { headers: headers.admin });
    const { entries, cursor } = await res.json();
    expect(entries).toHaveLength(5);
    const times = entries.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(cursor).toBeTypeOf('string');
    const next = await app.request(`/api/admin/audit?limit=5&cursor=${cursor}`, { headers: headers.admin });
    const page2 = await next.json();
    expect(page2.entries[0].at <= times[4]).toBe(true);
    const bad = await app.request('/api/admin/audit?cursor=rubbish', { headers: headers.admin });
    expect(bad.status).toBe(400);
  });
});
