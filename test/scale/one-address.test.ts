import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureRateLimitTable } from '../../functions/db/table';
import type { Cooperative, EventRecord } from '../../functions/domain/schemas';
import { createApp } from '../../functions/http/app';
import { kotimBriefing, seedRegency } from '../../functions/local/seed';
import { createDynamoRateLimiter } from '../../functions/services/rate-limiter';
import { serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';

/**
 * A whole regency registering from one address: the venue's Wi-Fi, a carrier's NAT or the Dinas office. Every
 * cooperative of Kotim (185) sends the public form at once, 3 officers each, from 127.0.0.1 to the seeded
 * 400-seat briefing, through real sockets and the DynamoDB rate limiter as `npm start` runs it.
 */
let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let event: EventRecord;
let directory: Cooperative[];

beforeAll(async () => {
  store = await createTestStore();
  await seedRegency(store, '62.02');
  directory = await store.cooperatives.listByRegency('62.02');
  event = kotimBriefing(new Date());
  await store.events.put(event);
  const limits = `limits-${randomUUID()}`;
  await ensureRateLimitTable(store.doc, limits);
  server = await serveApp(
    createApp({
      store,
      config: { runtime: 'test' },
      rateLimiter: createDynamoRateLimiter(store.doc, limits),
    }) as never,
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** The form as a phone's browser posts it: three officers, distinct phones, consent ticked. */
function formOf(cooperative: Cooperative, index: number) {
  const phone = (n: number) => `0812 ${String(4000 + index).padStart(4, '0')} ${String(1000 + n)}`;
  return new URLSearchParams({
    idempotencyKey: `scale-${index}-${randomUUID()}`,
    cooperativeId: cooperative.id,
    'contact.name': `Narahubung ${index}`,
    'contact.phone': `0853 ${String(index).padStart(4, '0')} 0000`,
    'contact.email': `kontak${index}@example.org`,
    'participants.0.name': `Ketua ${cooperative.villageName}`,
    'participants.0.role': 'ketua',
    'participants.0.phone': phone(1),
    'participants.1.name': `Sekretaris ${cooperative.villageName}`,
    'participants.1.role': 'sekretaris',
    'participants.1.phone': phone(2),
    'participants.2.name': `Bendahara ${cooperative.villageName}`,
    'participants.2.role': 'bendahara',
    'participants.2.phone': phone(3),
    consent: 'true',
  });
}

it('every cooperative of Kotim registers from one address at once: no 429, no 5xx, exact split, no oversell', async () => {
  expect(directory).toHaveLength(185);
  expect(event.capacity).toBe(400);
  expect(event.maxPerCooperative).toBe(3);

  const started = Date.now();
  const responses = await Promise.all(
    directory.map(async (cooperative, index) => {
      const response = await fetch(`${server.url}/acara/${event.id}/daftar`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: formOf(cooperative, index),
        redirect: 'manual',
      });
      await response.arrayBuffer();
      return { status: response.status, location: response.headers.get('location') ?? '' };
    }),
  );
  const seconds = (Date.now() - started) / 1000;

  const statuses = new Map<number, number>();
  for (const { status } of responses) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  // Each form answered with the redirect to its manage page; nothing refused, nothing failed.
  expect(Object.fromEntries(statuses)).toEqual({ 303: 185 });
  expect(responses.every(({ location }) => /^\/kelola\/[^?]+\?token=/.test(location))).toBe(true);

  // 400 seats, groups of 3: 133 groups seated (399 seats), the other 52 wait.
  const registrations = await store.registrations.listByEvent(event.id);
  const confirmed = registrations.filter((r) => r.status === 'confirmed');
  const waitlisted = registrations.filter((r) => r.status === 'waitlisted');
  expect(registrations).toHaveLength(185);
  expect(new Set(registrations.map((r) => r.cooperativeId)).size).toBe(185);
  expect(confirmed).toHaveLength(133);
  expect(waitlisted).toHaveLength(52);
  const stored = await store.events.get(event.id, { consistent: true });
  expect(stored?.seatsTaken).toBe(399);
  expect(stored?.waitlistCount).toBe(52);
  expect(confirmed.reduce((seats, r) => seats + r.participants.length, 0)).toBe(399);
  expect(stored?.seatsTaken ?? 0).toBeLessThanOrEqual(stored?.capacity ?? 0);
  console.log(`185 registrations from one address in ${seconds.toFixed(1)} s`);
}, 600_000);
