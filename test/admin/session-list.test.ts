import { beforeAll, expect, it } from 'vitest';
import type { EventRecord } from '../../functions/domain/schemas';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent } from '../helpers/store';
import {
  type ConsoleApp,
  createConsoleApp,
  makeUser,
  ORG,
  OTHER_ORG,
  seedOrganisations,
  signIn,
} from './helpers';

let store: TestStore;
let app: ConsoleApp;
let admin: string;
let organizer: string;
const ours: EventRecord[] = [];
const theirs: EventRecord[] = [];

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  // 120 sessions of one Dinas and 30 of another, interleaved over a year and a half.
  const day = 86_400_000;
  const start = Date.parse('2025-07-01T01:30:00Z');
  for (let i = 0; i < 150; i++) {
    const startsAt = new Date(start + i * 3.5 * day).toISOString();
    const event = makeEvent({
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString(),
      organisationId: i % 5 === 4 ? OTHER_ORG.id : ORG.id,
    });
    (event.organisationId === ORG.id ? ours : theirs).push(event);
  }
  await Promise.all([...ours, ...theirs].map((event) => store.events.put(event)));
  app = createConsoleApp(store);
  admin = await signIn(app, store, (await makeUser(store, 'admin')).email);
  organizer = await signIn(app, store, (await makeUser(store, 'organizer')).email);
});

const newestFirst = (events: EventRecord[]) =>
  [...events].sort((a, b) => b.startsAt.localeCompare(a.startsAt)).map((event) => event.id);

async function allPages(cookie: string) {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const res = await app.request(`/api/admin/events${after ? `?after=${after}` : ''}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: { id: string }[]; next?: string };
    pages.push(body.events.map((event) => event.id));
    after = body.next;
  } while (after);
  return pages;
}

it("pages an organizer's sessions newest first, 50 at a time, and never shows another Dinas's", async () => {
  const pages = await allPages(organizer);
  expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
  expect(pages.flat()).toEqual(newestFirst(ours));
});

it('pages every session for an admin', async () => {
  const pages = await allPages(admin);
  expect(pages.map((page) => page.length)).toEqual([50, 50, 50]);
  expect(pages.flat()).toEqual(newestFirst([...ours, ...theirs]));
});

it('the console list links to the earlier sessions', async () => {
  const first = await (await app.request('/admin', { headers: { cookie: organizer } })).text();
  const expected = newestFirst(ours);
  expect(first.match(/<article class="card">/g)).toHaveLength(50);
  expect(first).toContain(`href="/admin/acara/${expected[0]}"`);
  const older = first.match(/href="(\/admin\?setelah=[^"]+)"/)?.[1];
  expect(older).toBe(`/admin?setelah=${expected[49]}`);
  const second = await (await app.request(older as string, { headers: { cookie: organizer } })).text();
  expect(second).toContain('Sesi sebelumnya');
  expect(second).toContain(`href="/admin/acara/${expected[50]}"`);
  expect(second).not.toContain(`href="/admin/acara/${expected[49]}"`);
  const unknown = await app.request('/admin?setelah=tidak-ada', { headers: { cookie: organizer } });
  expect(unknown.status).toBe(404);
});
