import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import { createDocumentClient } from '../../functions/db/client';
import { createStore } from '../../functions/db/store';
import { ensureRateLimitTable, ensureTable } from '../../functions/db/table';
import { createApp } from '../../functions/http/app';
import { freePort, type LocalDynamo, startDynamoLocal } from '../../functions/local/dynamo-local';
import { createDynamoRateLimiter } from '../../functions/services/rate-limiter';
import { json } from '../helpers/app';
import { SHORT_RUN_JVM } from '../helpers/dynamo-setup';
import type { TestStore } from '../helpers/store';
import { makeEvent, registrationBody, seedKotim } from '../helpers/store';

let dataDir: string;
let port: number;
let dynamo: LocalDynamo | undefined;
let store: TestStore;
let app: ReturnType<typeof createApp>;
const event = makeEvent();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hadir-faults-'));
  port = await freePort();
  dynamo = await startDynamoLocal({ dataDir, port, jvmOptions: SHORT_RUN_JVM });
  const doc = createDocumentClient({ endpoint: dynamo.endpoint });
  await ensureTable(doc, 'faults');
  store = { ...createStore(doc, 'faults', { ticketKey: TEST_TICKET_KEY }), doc };
  await seedKotim(store);
  await store.events.put(event);
  // The limiter shares the database: its outage must end in the same 503, never a 500 of its own.
  await ensureRateLimitTable(doc, 'faults-limits');
  app = createApp({
    store,
    rateLimiter: createDynamoRateLimiter(doc, 'faults-limits'),
    config: { runtime: 'test', publicBaseUrl: 'https://hadir.test' },
  });
}, 90_000);

afterAll(async () => {
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('answers 503 unavailable with Retry-After while DynamoDB is down, writes nothing, and recovers by itself', async () => {
  expect((await app.request('/api/events')).status).toBe(200);

  await dynamo?.stop();
  const down = await app.request(
    `/api/events/${event.id}/registrations`,
    json(registrationBody('62.02.06.2005', 2, 1)),
  );
  expect(down.status).toBe(503);
  expect(down.headers.get('retry-after')).toBeTruthy();
  const body = await down.json();
  expect(body.error.code).toBe('unavailable');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|ECONNREFUSED|stack/i);
  const page = await app.request(`/acara/${event.id}`);
  expect(page.status).toBe(503);
  expect(await page.text()).toContain('Layanan sedang tidak tersedia');

  dynamo = await startDynamoLocal({ dataDir, port, jvmOptions: SHORT_RUN_JVM });
  const again = await app.request(
    `/api/events/${event.id}/registrations`,
    json(registrationBody('62.02.06.2005', 2, 1)),
  );
  expect(again.status).toBe(201);
  expect((await store.events.get(event.id, { consistent: true }))?.seatsTaken).toBe(2);
}, 90_000);
