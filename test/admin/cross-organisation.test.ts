import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecklistRepo } from '../../functions/db/checklist-repo';
import { GSI2, PENDING_OUTBOX } from '../../functions/db/keys';
import type { User } from '../../functions/domain/accounts';
import { createRegistrationService } from '../../functions/services/registrations';
import type { TestStore } from '../helpers/store';
import { createTestStore, registrationBody, seedKotim } from '../helpers/store';
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
 * Dinas A (ORG) and Dinas B (OTHER_ORG) both serve Kotim. A signed-in organizer of B walks every route the app
 * registers under /admin and /api/admin, each path parameter filled with one of A's records (its session,
 * registration, station, campaign, Business Assistant, cooperative with a contact and a ticked checklist, email
 * job), with a body that would change it. Every such call must be refused (403 or 404); the routes without
 * parameters (lists, forms, imports) must not answer 5xx nor show anything of A's. Afterwards A's data is exactly
 * as it was. A route added later is walked too, without touching this file.
 */

const ORIGIN = 'http://localhost';
const coop = '62.02.05.1001'; // A's contact and checklist; B's session does not invite Baamang (62.02.05)
const secretName = 'Kontak Rahasia Dinas A';
const secretPhone = '081277770001';
const secretTitle = 'Sesi Rahasia Dinas A';

let store: TestStore;
let app: ConsoleApp;
let organizerA: string;
let organizerB: string;
let csrfB: string;
let assistantA: User;
const a = {
  eventId: '',
  registrationId: '',
  stationId: '',
  campaignId: '',
  jobId: '',
  guestId: 'guest-of-dinas-a',
  materialId: 'material-of-dinas-a',
  questionId: 'question-of-dinas-a',
};

const headersOf = (cookie: string) => ({ cookie, origin: ORIGIN });

async function csrfOf(cookie: string) {
  const page = await app.request('/admin', { headers: { cookie } });
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!token) throw new Error('no CSRF token on the console page');
  return token;
}

/** Everything of A's that B must neither change nor see. */
async function snapshotOfA() {
  const checklists = createChecklistRepo(store.doc, store.tableName);
  const event = await store.eventAdmin.getEvent(a.eventId);
  return {
    event,
    registration: await store.registrations.get(a.registrationId),
    stations: await store.stations.listByEvent(a.eventId),
    campaigns: (await store.campaigns.listByEvent(a.eventId)).map((c) => ({ id: c.id, status: c.status })),
    contacts: await store.contacts.listByRegency(ORG.id, '62.02'),
    checklist: await checklists.get(ORG.id, coop),
    assistant: await store.users.get(assistantA.id),
    assignments: await store.users.assignedCooperatives(assistantA.id),
    organisation: await store.users.getOrganisation(ORG.id),
    invitations: (await store.invitations.listByEvent(a.eventId)).length,
  };
}

/** What a page or answer of B's must never contain. */
const markersOfA = () => [
  a.eventId,
  a.registrationId,
  secretName,
  secretPhone,
  '+6281277770001',
  secretTitle,
  assistantA.email,
];

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  app = createConsoleApp(store);
  assistantA = await makeUser(store, 'business_assistant', ORG.id);
  await store.users.setAssignments(assistantA.id, [coop], new Date());
  organizerA = await signIn(app, store, (await makeUser(store, 'organizer', ORG.id)).email);
  organizerB = await signIn(app, store, (await makeUser(store, 'organizer', OTHER_ORG.id)).email);
  const asA = (method: string, path: string, body?: unknown) =>
    app.request(path, jsonRequest(method, body, headersOf(organizerA)));

  const created = await asA('POST', '/api/admin/events', eventBody({ title: secretTitle }));
  expect(created.status).toBe(201);
  a.eventId = (await created.json()).id;
  const registered = await createRegistrationService(store).register(
    a.eventId,
    registrationBody(coop, 2, 9101),
    { language: 'id' },
  );
  a.registrationId = registered.registration.id;
  const station = await asA('POST', `/api/admin/events/${a.eventId}/stations`, { name: 'Pintu A' });
  a.stationId = (await station.json()).station.id;
  a.campaignId = (await store.campaigns.listByEvent(a.eventId))[0]?.id ?? '';
  expect(a.campaignId).not.toBe('');
  const contact = await asA('PUT', `/api/admin/events/${a.eventId}/outreach/contacts/${coop}`, {
    name: secretName,
    phone: secretPhone,
  });
  expect(contact.status).toBe(200);
  const ticked = await asA('PUT', `/api/admin/laporan/cooperatives/${coop}/checklist/akta`, { done: true });
  expect(ticked.status).toBe(200);
  const { Items = [] } = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: GSI2.name,
      KeyConditionExpression: 'gsi2pk = :pending',
      ExpressionAttributeValues: { ':pending': PENDING_OUTBOX },
    }),
  );
  a.jobId = (Items.find((job) => job.registrationId === a.registrationId)?.id as string) ?? '';
  expect(a.jobId).not.toBe('');
  // A's speaker, their slides and an officer's question: inside the session, as much A's as its registrations.
  const at = new Date().toISOString();
  await store.guests.add({
    id: a.guestId,
    eventId: a.eventId,
    name: 'Narasumber Dinas A',
    position: 'Kepala Bidang',
    institution: 'Dinas Koperasi A',
    role: 'narasumber',
    order: 1,
    createdAt: at,
  });
  await store.materials.add({
    id: a.materialId,
    eventId: a.eventId,
    title: 'Materi Dinas A',
    fileName: 'materi.pdf',
    contentType: 'application/pdf',
    size: 1024,
    uploadedAt: at,
  });
  await store.questions.create({
    id: a.questionId,
    eventId: a.eventId,
    text: 'Pertanyaan untuk Dinas A',
    status: 'pending',
    source: 'screen',
    createdAt: at,
    votes: 0,
    rev: 1,
  });

  // B works in the same regency, in another kecamatan, and keeps its own contact for A's cooperative.
  const own = await app.request(
    '/api/admin/events',
    jsonRequest('POST', eventBody({ title: 'Sesi Dinas B', invitedDistrictCodes: ['62.02.01'] }), {
      ...headersOf(organizerB),
    }),
  );
  expect(own.status).toBe(201);
  const bEvent = (await own.json()).id;
  const bContact = await app.request(
    `/api/admin/events/${bEvent}/outreach/contacts/${coop}`,
    jsonRequest('PUT', { name: 'Kontak Dinas B', phone: '081288880002' }, headersOf(organizerB)),
  );
  expect(bContact.status).toBe(200);
  csrfB = await csrfOf(organizerB);
}, 180_000);

/** One value per path parameter: always one of A's records. */
function fill(path: string): string {
  const values: Record<string, string> = {
    eventId: a.eventId,
    registrationId: a.registrationId,
    stationId: a.stationId,
    campaignId: a.campaignId,
    jobId: a.jobId,
    guestId: a.guestId,
    materialId: a.materialId,
    questionId: a.questionId,
    userId: assistantA.id,
    organisationId: ORG.id,
    cooperativeId: coop,
    step: 'akta',
    file: 'pendaftaran.csv',
    // A contacts-import row held for review, by its line in the file.
    line: '2',
  };
  return path.replace(/:(\w+)(\{([^}]*)\})?/g, (_, name: string, _pattern, choices?: string) => {
    if (choices) return choices.split('|')[0] as string;
    const value = values[name];
    if (value === undefined) throw new Error(`no value of A's for :${name} in ${path}`);
    return value;
  });
}

/** A body that would change A's records if the call were allowed. */
function bodyFor(method: string, path: string, concrete: string): RequestInit {
  if (method === 'GET') return { headers: headersOf(organizerB) };
  const fields: Record<string, string> = {
    _csrf: csrfB,
    name: 'Diubah Dinas B',
    phone: '081299990000',
    email: 'dinas-b@example.go.id',
    baEmail: 'ba-b@example.go.id',
    step: 'akta',
    done: 'false',
    channel: 'whatsapp',
    required: '1',
    active: 'false',
    organisationId: ORG.id,
    cooperativeId: coop,
    cooperativeIds: coop,
    regencyCodes: '62.02',
    csv: `email,cooperativeId\n${assistantA.email},${coop}\n`,
    apply: '1',
    title: 'Diubah',
    capacity: '1',
    // Inside the session: a question approved and answered, a speaker moved up the protocol order.
    action: 'approve',
    answer: 'Dijawab oleh Dinas B',
    direction: 'up',
  };
  if (path.startsWith('/api/admin/assignments/import')) {
    return {
      method,
      headers: { ...headersOf(organizerB), 'content-type': 'text/csv' },
      body: fields.csv,
    };
  }
  if (concrete.startsWith('/api/')) {
    return jsonRequest(
      method,
      {
        ...eventBody({ organisationId: ORG.id }),
        ...fields,
        done: false,
        required: true,
        active: false,
        apply: true,
        capacity: 1,
        cooperativeIds: [coop],
        regencyCodes: ['62.02'],
        contact: { name: 'Diubah Dinas B', phone: '081299990000' },
        participantId: 'x',
      },
      headersOf(organizerB),
    );
  }
  return {
    method,
    headers: { ...headersOf(organizerB), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

type Walked = { method: string; path: string; concrete: string; status: number; text: string };

describe('an organizer of another organisation, on every console and admin API route', () => {
  let walked: Walked[] = [];
  let before: Awaited<ReturnType<typeof snapshotOfA>>;

  beforeAll(async () => {
    before = await snapshotOfA();
    const seen = new Set<string>();
    const routes = app.routes.filter(
      (route) =>
        ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) &&
        (route.path === '/admin' || route.path.startsWith('/admin/') || route.path.startsWith('/api/admin')),
    );
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const concrete = fill(route.path);
      const res = await app.request(concrete, bodyFor(route.method, route.path, concrete));
      walked.push({
        method: route.method,
        path: route.path,
        concrete,
        status: res.status,
        text: await res.text(),
      });
    }
    walked = walked.sort((x, y) => x.path.localeCompare(y.path));
  }, 600_000);

  it('walks the whole console: sessions, registrations, outreach, reports, campaigns, users, email', () => {
    const paths = walked.map((w) => `${w.method} ${w.path}`);
    expect(walked.length).toBeGreaterThan(60);
    for (const expected of [
      'GET /admin/acara/:eventId',
      'POST /admin/acara/:eventId/undangan/kontak/:cooperativeId',
      'PUT /api/admin/events/:eventId/outreach/contacts/:cooperativeId',
      'PUT /api/admin/laporan/cooperatives/:cooperativeId/checklist/:step',
      'POST /admin/laporan/koperasi/:cooperativeId/checklist',
      'GET /admin/laporan/acara/:eventId/ekspor/:file',
      'PATCH /api/admin/registrations/:registrationId',
      'PUT /api/admin/organisations/:organisationId/regencies',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  it('never answers 5xx', () => {
    const failed = walked.filter((w) => w.status >= 500).map((w) => `${w.method} ${w.concrete} ${w.status}`);
    expect(failed).toEqual([]);
  });

  it("refuses every route that names one of A's records with 403 or 404", () => {
    const named = walked.filter((w) => w.path.includes(':'));
    expect(named.length).toBeGreaterThan(40);
    const allowed = named
      .filter((w) => w.status !== 403 && w.status !== 404)
      .map((w) => `${w.method} ${w.path} ${w.status}`);
    expect(allowed).toEqual([]);
  });

  it("shows nothing of A's on the lists, forms and imports that name no record", () => {
    const open = walked.filter((w) => !w.path.includes(':'));
    expect(open.length).toBeGreaterThan(10);
    const leaks = open.flatMap((w) =>
      markersOfA()
        .filter((marker) => w.text.includes(marker))
        .map((marker) => `${w.method} ${w.path} shows ${marker}`),
    );
    expect(leaks).toEqual([]);
    // None of them lets B write in A's name either.
    const written = open
      .filter((w) => w.method !== 'GET' && w.status >= 200 && w.status < 400)
      .map((w) => `${w.method} ${w.path} ${w.status}`);
    expect(written).toEqual([]);
  });

  it("leaves A's session, registration, stations, campaigns, contacts, checklist and users as they were", async () => {
    expect(await snapshotOfA()).toEqual(before);
    expect(before.contacts.map((c) => c.name)).toEqual([secretName]);
    expect(before.checklist.done.akta).toBeDefined();
  });
});

describe('two organisations serving the same regency', () => {
  it('each sees and changes only its own contact for the same cooperative, through its own session', async () => {
    const asB = headersOf(organizerB);
    const bEvents = (await (await app.request('/api/admin/events', { headers: asB })).json()).events as {
      id: string;
    }[];
    const bEvent = bEvents[0]?.id as string;
    const page = await (await app.request(`/admin/acara/${bEvent}/undangan/kontak`, { headers: asB })).text();
    expect(page).toContain('Kontak Dinas B');
    expect(page).not.toContain(secretName);
    expect((await store.contacts.get(ORG.id, coop))?.name).toBe(secretName);
    expect((await store.contacts.get(OTHER_ORG.id, coop))?.name).toBe('Kontak Dinas B');
  });

  it("a cooperative both serve: B's page and ticks are B's checklist, never A's", async () => {
    // B's BA looks after the cooperative too, so B may open its page.
    const assistantB = await makeUser(store, 'business_assistant', OTHER_ORG.id);
    await store.users.setAssignments(assistantB.id, [coop], new Date());
    const asB = headersOf(organizerB);
    const page = await (await app.request(`/admin/laporan/koperasi/${coop}`, { headers: asB })).text();
    expect(page).toContain('<li data-step="akta" data-done="false">');
    expect(page).not.toContain(secretTitle);
    const tick = await app.request(
      `/api/admin/laporan/cooperatives/${coop}/checklist/npwp`,
      jsonRequest('PUT', { done: true }, asB),
    );
    expect(tick.status).toBe(200);
    const checklists = createChecklistRepo(store.doc, store.tableName);
    expect((await checklists.get(ORG.id, coop)).done.npwp).toBeUndefined();
    expect((await checklists.get(OTHER_ORG.id, coop)).done.npwp).toBeDefined();
    // Naming A's checklist is refused: only an admin works on another organisation's.
    const named = await app.request(
      `/api/admin/laporan/cooperatives/${coop}/checklist/npwp`,
      jsonRequest('PUT', { done: true, organisationId: ORG.id }, asB),
    );
    expect(named.status).toBe(403);
    expect((await checklists.get(ORG.id, coop)).done.npwp).toBeUndefined();
    await store.users.setAssignments(assistantB.id, [], new Date());
  });
});

/** A route's path with every parameter filled for a coverage viewer: their province, its regency and kecamatan. */
function coveragePath(path: string, province: string): string {
  const regency = `${province}.02`;
  return path
    .replace(/:(\w+)\{[^/]*\}/g, (_, name: string, offset: number, whole: string) =>
      name === 'district' ? `${regency}.05` : whole.slice(offset).includes('.') ? regency : province,
    )
    .replace(':file', `kabupaten-${regency}.csv`);
}

describe('province and national viewers, and what organizers and Business Assistants see of coverage', () => {
  const consoleRoutes = () => {
    const seen = new Set<string>();
    return app.routes.filter((route) => {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key) || !['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)) return false;
      seen.add(key);
      return (
        route.path === '/admin' || route.path.startsWith('/admin/') || route.path.startsWith('/api/admin')
      );
    });
  };
  const isCoverage = (path: string) => path.startsWith('/admin/cakupan');
  /** What of A's is personal or A's own words; ids are left out (a refusal page links to the path asked for). */
  const personalOfA = () => [secretName, secretPhone, '+6281277770001', secretTitle, assistantA.email];
  let viewer: string;
  let national: string;
  let assistant: string;

  beforeAll(async () => {
    viewer = await signIn(
      app,
      store,
      (await makeUser(store, 'province_viewer', ORG.id, { provinceCodes: ['62'] })).email,
    );
    national = await signIn(app, store, (await makeUser(store, 'national_viewer', 'kemenkop')).email);
    assistant = await signIn(app, store, assistantA.email);
  }, 120_000);

  it('a province viewer is refused every route outside coverage, and every other province', async () => {
    const answered: string[] = [];
    for (const route of consoleRoutes()) {
      // Coverage is theirs; stylesheets are everyone's.
      if (isCoverage(route.path) || route.path.includes('/assets/')) continue;
      // A parameter that names none of A's records gets a value of no one's.
      let concrete: string;
      try {
        concrete = fill(route.path);
      } catch {
        concrete = route.path.replace(/:\w+(\{[^/]*\})?/g, 'x');
      }
      const res = await app.request(concrete, { method: route.method, headers: headersOf(viewer) });
      const text = await res.text();
      const redirectedHome = res.status === 303 && res.headers.get('location') === '/admin/cakupan';
      if (!(res.status === 403 || res.status === 404 || redirectedHome))
        answered.push(`${route.method} ${route.path} ${res.status}`);
      for (const marker of personalOfA()) expect(text, `${route.method} ${route.path}`).not.toContain(marker);
    }
    expect(answered).toEqual([]);
    for (const path of [
      '/admin/cakupan/provinsi/64',
      '/admin/cakupan/kabupaten/64.02',
      '/admin/cakupan/ekspor/provinsi-64.csv',
    ])
      expect((await app.request(path, { headers: headersOf(viewer) })).status).toBe(403);
  });

  it('no coverage page, file or form of a viewer names a person of A', async () => {
    for (const cookie of [viewer, national]) {
      for (const route of consoleRoutes().filter((r) => isCoverage(r.path))) {
        const concrete = coveragePath(route.path, '62');
        const res = await app.request(`${concrete}${concrete.endsWith('.pdf') ? '?bulan=2025-10' : ''}`, {
          method: route.method,
          headers: headersOf(cookie),
        });
        expect(res.status, `${route.method} ${concrete}`).toBeLessThan(500);
        // Only admins recount; a viewer changes nothing.
        if (route.method !== 'GET')
          expect(res.status, `${route.method} ${concrete}`).toBeGreaterThanOrEqual(400);
        const text = await res.text();
        for (const marker of personalOfA()) expect(text, `${route.method} ${concrete}`).not.toContain(marker);
      }
    }
  });

  it('organizers and Business Assistants see nothing of coverage', async () => {
    for (const cookie of [organizerA, organizerB, assistant]) {
      for (const route of consoleRoutes().filter((r) => isCoverage(r.path) && r.method === 'GET')) {
        if (route.path.includes('/assets/')) continue; // the stylesheet, the same for everyone
        const res = await app.request(coveragePath(route.path, '62'), { headers: headersOf(cookie) });
        expect([403, 404], `${route.path}`).toContain(res.status);
      }
    }
  });
});
