import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistrationService } from '../../functions/services/registrations';
import { createTestApp } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/**
 * 10,000 generated and hostile requests against the public write endpoints. Whatever arrives, the answer is a
 * 4xx in the standard envelope (or a success for a genuinely valid body), never a 5xx, and nothing is written
 * for a rejected request.
 */
let store: TestStore;
let app: ReturnType<typeof createTestApp>;
const event = makeEvent({ capacity: 100_000, maxPerCooperative: 20 });
let registrationId = '';
let manageToken = '';
let stationToken = '';
const accepted = { registrations: 0 };

async function itemCount() {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new ScanCommand({ TableName: store.tableName, Select: 'COUNT', ExclusiveStartKey }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await store.events.put(event);
  app = createTestApp(store);
  const created = await createRegistrationService(store).register(
    event.id,
    registrationBody('62.02.06.2005', 1, 1),
    {
      language: 'id',
    },
  );
  registrationId = created.registration.id;
  manageToken = created.manageToken;
  stationToken = await enrolTestStation(store, event.id);
});

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'a@b.c\r\nBcc: victim@example.org',
    '../../../../etc/passwd',
    '\u0000',
    '0812\u00003456',
    '=HYPERLINK("http://x")',
    '𝕳𝖆𝖉𝖎𝖗 👩🏽‍🌾',
    'x'.repeat(5_000),
    '__proto__',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.anything(),
);

/** Bodies shaped like a registration, with any field replaced by something hostile. */
const registrationLike = fc.record(
  {
    cooperativeId: fc.oneof(fc.constantFrom('62.02.06.2005', '62.02.01.1009', '99.99.99.9999'), hostileValue),
    contact: fc.oneof(
      fc.record({ name: hostileString, phone: hostileString, email: hostileString }, { requiredKeys: [] }),
      hostileValue,
    ),
    participants: fc.oneof(
      fc.array(
        fc.record(
          {
            name: hostileString,
            role: fc.oneof(fc.constantFrom('ketua', 'bendahara'), hostileString),
            phone: hostileString,
            email: hostileString,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 25 },
      ),
      hostileValue,
    ),
    consent: fc.oneof(fc.constant(true), hostileValue),
  },
  { requiredKeys: [] },
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
);

const rawBody = fc.oneof(
  registrationLike.map((body) => JSON.stringify(body)),
  fc.string({ maxLength: 200 }),
  // Duplicated keys: the last one wins in JSON.parse; it must still be validated as a whole.
  fc.constant('{"consent":true,"consent":false,"cooperativeId":"62.02.06.2005","cooperativeId":"x"}'),
  fc.constant('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
  fc.constant(`{"pad":"${'x'.repeat(70_000)}"}`),
);

async function expectClean(response: Response) {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    const body = await response.json();
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
  }
  return response;
}

describe('fuzzing the public endpoints', () => {
  it('POST /api/events/:id/registrations: 4,000 hostile bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        rawBody,
        contentType,
        fc.oneof(fc.constant(event.id), hostileString),
        async (body, type, eventId) => {
          const response = await expectClean(
            await app.request(`/api/events/${encodeURIComponent(eventId)}/registrations`, {
              method: 'POST',
              headers: type ? { 'content-type': type } : {},
              body,
            }),
          );
          if (response.status === 201) accepted.registrations++;
        },
      ),
      { numRuns: 4_000 },
    );
  }, 300_000);

  it('GET/PATCH/DELETE /api/registrations/:id: 3,000 hostile ids, tokens and bodies', async () => {
    const id = fc.oneof(fc.constant(registrationId), hostileString);
    // Header values on the wire are visible ASCII; anything else cannot reach the server as a header.
    const token = fc.oneof(
      fc.constant('wrong'),
      hostileString.filter((s) => /^[\x21-\x7e]*$/.test(s)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PATCH', 'DELETE'),
        id,
        token,
        rawBody,
        async (method, target, bearer, body) => {
          const response = await expectClean(
            await app.request(`/api/registrations/${encodeURIComponent(target)}`, {
              method,
              headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
              body: method === 'PATCH' ? body : undefined,
            }),
          );
          expect(response.status).not.toBe(200); // never without the manage token
        },
      ),
      { numRuns: 3_000 },
    );
    // The real token still works after all that.
    const ok = await app.request(`/api/registrations/${registrationId}`, {
      headers: { authorization: `Bearer ${manageToken}` },
    });
    expect(ok.status).toBe(200);
  }, 300_000);

  it('POST /api/auth/sign-in: 1,500 hostile emails, including header injection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, fc.emailAddress()), contentType, async (email, type) => {
        const response = await expectClean(
          await app.request('/api/auth/sign-in', {
            method: 'POST',
            headers: { 'content-type': type || 'application/json', origin: 'http://localhost' },
            body: JSON.stringify({ email }),
          }),
        );
        expect([202, 400, 403, 413, 415, 429]).toContain(response.status);
      }),
      { numRuns: 1_500 },
    );
  }, 300_000);

  it('POST /api/events/:id/checkins: 1,500 hostile scans from an enrolled station', async () => {
    const scan = fc.record(
      {
        ticketCode: hostileValue,
        participantId: hostileValue,
        clientId: hostileValue,
        scannedAt: hostileValue,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(scan, async (body) => {
        await expectClean(
          await app.request(`/api/events/${event.id}/checkins`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${stationToken}` },
            body: JSON.stringify(body),
          }),
        );
      }),
      { numRuns: 1_500 },
    );
    expect(await store.checkins.listByEvent(event.id)).toHaveLength(0);
  }, 300_000);

  it('wrote nothing for rejected requests', async () => {
    const roster = await store.registrations.listByEvent(event.id);
    expect(roster).toHaveLength(1 + accepted.registrations);
    const stored = await store.events.get(event.id, { consistent: true });
    const seats = roster
      .filter((r) => r.status === 'confirmed')
      .reduce((sum, r) => sum + r.participants.length, 0);
    expect(stored?.seatsTaken).toBe(seats);
    expect(await itemCount()).toBeGreaterThan(0);
  });
});
