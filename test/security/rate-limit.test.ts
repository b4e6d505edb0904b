import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ensureRateLimitTable } from '../../functions/db/table';
import { createApp } from '../../functions/http/app';
import { createDynamoRateLimiter } from '../../functions/services/rate-limiter';
import { json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const event = makeEvent();

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await store.events.put(event);
  const tableName = `limits-${randomUUID()}`;
  await ensureRateLimitTable(store.doc, tableName);
  app = createApp({
    store,
    config: { runtime: 'test', sessionSecret: 'rate-limit-test-secret-0123456789abcdef' },
    rateLimiter: createDynamoRateLimiter(store.doc, tableName),
  });
});

it('answers 429 with Retry-After once one target has been tried too often, shared through DynamoDB', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const body = registrationBody('62.02.06.2005', 1, 100 + i);
    const res = await app.request(`/api/events/${event.id}/registrations`, json(body));
    statuses.push(res.status);
    if (res.status === 429) {
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).error.code).toBe('rate_limited');
    }
  }
  // One succeeds, then "already registered" until the 10 attempts per cooperative are used, then 429.
  expect(statuses[0]).toBe(201);
  expect(statuses.slice(1, 10).every((s) => s === 409)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
});

it('limits sign-in requests per email address', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await app.request(
      '/api/auth/sign-in',
      json({ email: 'Someone@Example.org' }, { origin: 'http://localhost' }),
    );
    statuses.push(res.status);
  }
  expect(statuses.slice(0, 5).every((s) => s === 202)).toBe(true);
  expect(statuses.slice(5)).toEqual([429, 429]);
});

it('lets registrations through, with a warning, when the limiter cannot reach its table', async () => {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (line: string) => warnings.push(line);
  try {
    const unlimited = createApp({
      store,
      config: { runtime: 'test', sessionSecret: 'rate-limit-test-secret-0123456789abcdef' },
      rateLimiter: createDynamoRateLimiter(store.doc, `missing-${randomUUID()}`),
    });
    const res = await unlimited.request(
      `/api/events/${event.id}/registrations`,
      json(registrationBody('62.02.06.2006', 1, 300)),
    );
    expect(res.status).toBe(201);
    expect(warnings.join('\n')).toContain('rate limiter unavailable');
  } finally {
    console.warn = warn;
  }
});
