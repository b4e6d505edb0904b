import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { GSI2, PENDING_OUTBOX } from '../../functions/db/keys';
import type { User } from '../../functions/domain/accounts';
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
  seedOrganisations,
  signIn,
} from './helpers';

let store: TestStore;
let app: ConsoleApp;
let organizer: Record<string, string>;
let admin: Record<string, string>;
let ba: User;
let seed = 8000;

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  app = createConsoleApp(store);
  organizer = { cookie: await signIn(app, store, (await makeUser(store, 'organizer')).email) };
  admin = { cookie: await signIn(app, store, (await makeUser(store, 'admin')).email) };
  ba = await makeUser(store, 'business_assistant');
});

async function pendingJobs(kind: string) {
  const { Items = [] } = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: GSI2.name,
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': PENDING_OUTBOX },
    }),
  );
  return Items.filter((item) => item.kind === kind);
}

async function sessionWith(capacity: number, groups: number[]) {
  const event = makeEvent({ organisationId: ORG.id, capacity });
  await store.events.put(event);
  const service = createRegistrationService(store);
  const registrations = [];
  for (const [index, size] of groups.entries()) {
    const coop = `62.02.05.100${index + 1}`;
    registrations.push(
      (await service.register(event.id, registrationBody(coop, size, seed++), { language: 'id' }))
        .registration,
    );
  }
  return { event, registrations };
}

describe('POST /api/admin/events (contract)', () => {
  it('creates a session in the organizer’s organisation and answers 201 with the Event', async () => {
    const res = await app.request('/api/admin/events', jsonRequest('POST', eventBody(), organizer));
    expect(res.status).toBe(201);
    const event = await res.json();
    expect(event).toMatchObject({
      title: 'Sosialisasi KDKMP Kecamatan Baamang',
      venue: 'Aula Kecamatan Baamang',
      timeZone: 'Asia/Pontianak',
      capacity: 50,
      seatsLeft: 50,
      maxPerCooperative: 3,
      registrationOpen: true,
      organisationId: ORG.id,
      published: true,
    });
    expect(event.id).toBeTypeOf('string');
    const listed = await (await app.request('/api/events')).json();
    expect(listed.events.map((e: { id: string }) => e.id)).toContain(event.id);
  });

  it('answers 400 validation with localized issues for bad fields', async () => {
    const res = await app.request(
      '/api/admin/events',
      jsonRequest('POST', eventBody({ capacity: 0, endsAt: '2020-01-01T00:00:00+07:00' }), organizer),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation');
    expect(error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['capacity']),
    );
  });

  it('an admin must name the organisation', async () => {
    const res = await app.request('/api/admin/events', jsonRequest('POST', eventBody(), admin));
    expect(res.status).toBe(400);
  });
});

describe('editing sessions', () => {
  it('refuses a capacity below the seats taken, and raising it lets the waitlist move up', async () => {
    const { event, registrations } = await sessionWith(3, [3, 2]);
    expect(registrations[1]?.status).toBe('waitlisted');
    const low = await app.request(
      `/api/admin/events/${event.id}`,
      jsonRequest('PATCH', { capacity: 2 }, organizer),
    );
    expect(low.status).toBe(409);
    expect((await low.json()).error.code).toBe('capacity_below_taken');
    const raised = await app.request(
      `/api/admin/events/${event.id}`,
      jsonRequest('PATCH', { capacity: 5 }, organizer),
    );
    expect(raised.status).toBe(200);
    expect(await raised.json()).toMatchObject({ capacity: 5, seatsLeft: 0, waitlistCount: 0 });
    expect((await store.registrations.get(registrations[1]?.id as string))?.status).toBe('confirmed');
  });

  it('unpublishing hides the session from the public list; closing stops registration', async () => {
    const { event } = await sessionWith(10, []);
    await app.request(`/api/admin/events/${event.id}`, jsonRequest('PATCH', { published: false }, organizer));
    expect((await app.request(`/api/events/${event.id}`)).status).toBe(404);
    await app.request(`/api/admin/events/${event.id}`, jsonRequest('PATCH', { published: true }, organizer));
    const closed = await app.request(`/api/admin/events/${event.id}/close`, {
      method: 'POST',
      headers: organizer,
    });
    expect((await closed.json()).registrationOpen).toBe(false);
    const late = await app.request(
      `/api/events/${event.id}/registrations`,
      jsonRequest('POST', registrationBody('62.02.05.1001', 1, seed++)),
    );
    const lateBody = await late.json();
    expect(lateBody.error.code, JSON.stringify(lateBody)).toBe('registration_closed');
  });

  it('cancelling emails every registered contact once, even when repeated', async () => {
    const { event, registrations } = await sessionWith(10, [2, 2]);
    const before = (await pendingJobs('cancelled')).length;
    const res = await app.request(`/api/admin/events/${event.id}/cancel`, {
      method: 'POST',
      headers: organizer,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ notified: 2, event: { cancelled: true } });
    await app.request(`/api/admin/events/${event.id}/cancel`, { method: 'POST', headers: organizer });
    const jobs = (await pendingJobs('cancelled'))
      .slice(0)
      .filter((job) => registrations.some((r) => r.id === job.registrationId));
    expect(jobs).toHaveLength(2);
    expect((await pendingJobs('cancelled')).length - before).toBe(2);
  });
});

describe('registrations on the cooperative’s behalf', () => {
  it('moves a waitlisted registration up when seats are free, and refuses when they are not', async () => {
    const { event, registrations } = await sessionWith(3, [3, 2]);
    const waiting = registrations[1]?.id as string;
    const full = await app.request(`/api/admin/registrations/${waiting}/promote`, {
      method: 'POST',
      headers: organizer,
    });
    expect(full.status).toBe(409);
    const current = await store.eventAdmin.getEvent(event.id);
    await store.eventAdmin.update(event.id, { ...(current as typeof event), capacity: 5 });
    const res = await app.request(`/api/admin/registrations/${waiting}/promote`, {
      method: 'POST',
      headers: organizer,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).registration.status).toBe('confirmed');
    expect((await store.events.get(event.id, { consistent: true }))?.seatsTaken).toBe(5);
  });

  it('edits officers after registration has closed, and resends tickets', async () => {
    const { event, registrations } = await sessionWith(10, [2]);
    await app.request(`/api/admin/events/${event.id}/close`, { method: 'POST', headers: organizer });
    const reg = registrations[0];
    const res = await app.request(
      `/api/admin/registrations/${reg?.id}`,
      jsonRequest(
        'PATCH',
        { participants: [{ id: reg?.participants[0]?.id, name: reg?.participants[0]?.name, role: 'ketua' }] },
        organizer,
      ),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).registration.participants).toHaveLength(1);
    expect((await store.events.get(event.id, { consistent: true }))?.seatsTaken).toBe(1);
    const resend = await app.request(`/api/admin/registrations/${reg?.id}/resend`, {
      method: 'POST',
      headers: organizer,
    });
    expect(resend.status).toBe(202);
    expect((await resend.json()).queued).toBe(1);
  });
});

describe('Business Assistant assignments', () => {
  it('imports a CSV (semicolons too) and refuses a file with an unknown cooperative, writing nothing', async () => {
    const ok = await app.request('/api/admin/assignments/import', {
      method: 'POST',
      headers: { ...organizer, 'content-type': 'text/csv' },
      body: `email;kode_desa\n${ba.email};62.02.05.1001\n${ba.email};62.02.06.2005\n`,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ assistants: 1, rows: 2 });
    const bad = await app.request('/api/admin/assignments/import', {
      method: 'POST',
      headers: { ...organizer, 'content-type': 'text/csv' },
      body: `email,cooperativeId\n${ba.email},62.02.99.9999\n`,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0]).toMatchObject({
      path: ['csv', 2],
      code: 'invalid_cooperative',
    });
    const { cooperativeIds } = await (
      await app.request(`/api/admin/users/${ba.id}/cooperatives`, { headers: organizer })
    ).json();
    expect(cooperativeIds.sort()).toEqual(['62.02.05.1001', '62.02.06.2005']);
  });
});

describe('OpenAPI', () => {
  it('documents the public contract and the console routes at /api/openapi.json', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/events',
      '/api/events/{eventId}/registrations',
      '/api/registrations/{registrationId}',
      '/api/auth/sign-in',
      '/api/admin/events',
      '/api/admin/events/{eventId}/stations',
      '/api/admin/events/{eventId}/stations/{stationId}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/admin/events'].post.responses['201']).toBeDefined();
    expect(doc.components.schemas.Event).toBeDefined();
    // The shared zod/mini schemas, described as JSON Schema of what a client sends.
    const body =
      doc.paths['/api/events/{eventId}/registrations'].post.requestBody.content['application/json'];
    expect(body.schema.required).toEqual(
      expect.arrayContaining(['cooperativeId', 'contact', 'participants']),
    );
    expect(body.schema.properties.participants).toMatchObject({ type: 'array', minItems: 1, maxItems: 20 });
  });

  it('serves the Swagger UI at /api/docs, pointed at /api/openapi.json', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    const starter = /<script src="(\/api\/docs\/start\.[0-9a-f]{10}\.js)">/.exec(await res.text())?.[1];
    expect(starter).toBeDefined();
    expect(await (await app.request(starter as string)).text()).toContain('/api/openapi.json');
  });
});
