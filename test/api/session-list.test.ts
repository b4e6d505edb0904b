import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EventChanges, editableEventFields } from '../../functions/db/event-admin-repo';
import { eventItem } from '../../functions/db/events-repo';
import type { EventRecord } from '../../functions/domain/schemas';
import { createTestApp } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent } from '../helpers/store';

const HOUR = 3_600_000;
const PAGE = 20;

let store: TestStore;
let offsetMs = 0;
const t0 = Date.now();
const clock = () => new Date(t0 + offsetMs);
let app: ReturnType<typeof createTestApp>;
const upcoming: EventRecord[] = [];
const past: EventRecord[] = [];
const hidden: EventRecord[] = [];

/** A published session ending `endsIn` ms from t0, `hours` long. */
const session = (n: string, endsIn: number, hours = 2, overrides: Partial<EventRecord> = {}) =>
  makeEvent({
    title: `Sosialisasi ${n}`,
    startsAt: new Date(t0 + endsIn - hours * HOUR).toISOString(),
    endsAt: new Date(t0 + endsIn).toISOString(),
    registrationDeadline: new Date(t0 + endsIn - hours * HOUR - HOUR).toISOString(),
    ...overrides,
  });

const byEnd = (a: EventRecord, b: EventRecord) =>
  Date.parse(a.endsAt) - Date.parse(b.endsAt) || (a.id < b.id ? -1 : 1);

beforeAll(async () => {
  store = await createTestStore();
  app = createTestApp(store, clock);
  // 120 past sessions, more than any page, stored before the upcoming ones as a long-running system has them.
  for (let i = 0; i < 120; i++) past.push(session(`lalu ${i}`, -(i + 1) * HOUR));
  // One under way (started an hour ago, ends in 30 minutes): still upcoming.
  upcoming.push(session('berlangsung', 0.5 * HOUR, 1.5));
  for (let i = 0; i < 30; i++) upcoming.push(session(`mendatang ${i}`, (i + 1) * 24 * HOUR));
  // Two at the same end time: the id orders them, and both are reachable.
  upcoming.push(session('kembar A', 40 * 24 * HOUR), session('kembar B', 40 * 24 * HOUR));
  hidden.push(
    session('draf mendatang', 3 * 24 * HOUR, 2, { published: false }),
    session('draf lalu', -3 * HOUR, 2, { published: false }),
  );
  const all = [...past, ...upcoming, ...hidden];
  for (let i = 0; i < all.length; i += 25) {
    await Promise.all(all.slice(i, i + 25).map((event) => store.events.put(event)));
  }
  upcoming.sort(byEnd);
  past.sort((a, b) => byEnd(b, a));
}, 120_000);

type Page = { events: { id: string; title: string; ended: boolean }[]; next: string | null };

async function walk(query: string) {
  const pages: Page[] = [];
  let next: string | null = null;
  do {
    const cursor: string = next ? `${query ? '&' : '?'}cursor=${encodeURIComponent(next)}` : '';
    const res = await app.request(`/api/events${query}${cursor}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    pages.push(page);
    next = page.next;
  } while (next && pages.length < 50);
  return pages;
}

describe('GET /api/events', () => {
  it('reaches every upcoming session through the cursor, in the order they end, 20 a page', async () => {
    const pages = await walk('');
    expect(pages.map((page) => page.events.length)).toEqual([PAGE, upcoming.length - PAGE]);
    expect(pages.flatMap((page) => page.events.map((event) => event.id))).toEqual(
      upcoming.map((event) => event.id),
    );
    expect(pages[0]?.events[0]?.title).toBe('Sosialisasi berlangsung'); // under way counts as upcoming
    expect(pages.flatMap((page) => page.events).every((event) => !event.ended)).toBe(true);
    expect(pages.at(-1)?.next).toBeNull();
  });

  it('lists past sessions on their own pages, the latest first', async () => {
    const pages = await walk('?when=past');
    expect(pages).toHaveLength(Math.ceil(past.length / PAGE));
    expect(pages.every((page) => page.events.length === PAGE)).toBe(true); // 120: the last page is full
    expect(pages.flatMap((page) => page.events.map((event) => event.id))).toEqual(
      past.map((event) => event.id),
    );
    expect(pages.flatMap((page) => page.events).every((event) => event.ended)).toBe(true);
    expect(pages.at(-1)?.next).toBeNull(); // no link to an empty page
  });

  it('reads the upcoming page with one key condition, never passing over the past', async () => {
    const doc = store.doc as { send: (command: object) => Promise<unknown> };
    const send = doc.send;
    const queries: { input: Record<string, unknown>; scanned: number }[] = [];
    doc.send = async (command) => {
      const output = (await send.call(doc, command)) as { ScannedCount?: number };
      const input = (command as { input: Record<string, unknown> }).input;
      if (command.constructor.name === 'QueryCommand')
        queries.push({ input, scanned: output.ScannedCount ?? 0 });
      return output;
    };
    try {
      expect((await app.request('/api/events')).status).toBe(200);
    } finally {
      doc.send = send;
    }
    expect(queries).toHaveLength(1);
    expect(queries[0]?.input.KeyConditionExpression).toMatch(/gsi2sk > :now/);
    expect(queries[0]?.input.FilterExpression).toBeUndefined();
    // A page and the one item that tells whether another follows: none of the 122 past or draft sessions.
    expect(queries[0]?.scanned).toBeLessThanOrEqual(PAGE + 1);
  });

  it('keeps listing from now when a cursor’s session has ended meanwhile', async () => {
    const [first] = await walk('');
    const lastShown = upcoming[PAGE - 1] as EventRecord;
    offsetMs = Date.parse(lastShown.endsAt) - t0 + 60_000; // the last session of page one has just ended
    try {
      const res = await app.request(`/api/events?cursor=${encodeURIComponent(first?.next ?? '')}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      expect(page.events.map((event) => event.id)).toEqual(upcoming.slice(PAGE).map((event) => event.id));
    } finally {
      offsetMs = 0;
    }
  });

  it('refuses a made-up cursor or list with 400 in the standard envelope', async () => {
    for (const query of ['?cursor=bukan-kursor', `?cursor=${'x'.repeat(300)}`, '?when=besok']) {
      const res = await app.request(`/api/events${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe('validation');
    }
    const res = await app.request('/api/events?cursor=bukan-kursor', {
      headers: { 'accept-language': 'en' },
    });
    expect((await res.json()).error.issues[0]).toMatchObject({ path: ['cursor'], code: 'invalid_cursor' });
  });

  it('follows publishing: an unpublished session leaves the list, a published one joins it', async () => {
    const changes = (event: EventRecord, published: boolean) =>
      ({
        ...Object.fromEntries(editableEventFields.map((field) => [field, event[field]])),
        published,
      }) as EventChanges;
    const ids = async () => (await walk('')).flatMap((page) => page.events.map((event) => event.id));
    const draft = hidden[0] as EventRecord;
    const shown = upcoming[3] as EventRecord;
    await store.eventAdmin.update(draft.id, changes(draft, true));
    await store.eventAdmin.update(shown.id, changes(shown, false));
    try {
      const listed = await ids();
      expect(listed).toContain(draft.id);
      expect(listed).not.toContain(shown.id);
      expect(listed).toHaveLength(upcoming.length);
    } finally {
      await store.eventAdmin.update(draft.id, changes(draft, false));
      await store.eventAdmin.update(shown.id, changes(shown, true));
    }
    expect(await ids()).toEqual(upcoming.map((event) => event.id));
  });
});

describe('sessions stored before the public list had its index', () => {
  it('are listed once reindexed, and reindexing again changes nothing', async () => {
    const older = session('lama', 45 * 24 * HOUR);
    const { gsi2pk: _pk, gsi2sk: _sk, ...withoutListing } = eventItem(older);
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: withoutListing }));
    const ids = async () => (await walk('')).flatMap((page) => page.events.map((event) => event.id));
    expect(await ids()).not.toContain(older.id);
    expect(await store.events.reindexPublicListing()).toBe(1);
    expect(await ids()).toEqual([...upcoming, older].sort(byEnd).map((event) => event.id));
    expect(await store.events.reindexPublicListing()).toBe(0);
    await store.doc.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: { pk: withoutListing.pk, sk: withoutListing.sk },
      }),
    );
  });
});

describe('pages', () => {
  const titlesOf = (html: string) =>
    [...html.matchAll(/<h2><a href="\/acara\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
  const nextOf = (html: string) => /href="([^"]+)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

  it('the home page lists upcoming sessions a page at a time, in Bahasa Indonesia', async () => {
    const first = await (await app.request('/')).text();
    expect(first).toContain('Jadwal kegiatan');
    expect(titlesOf(first)).toEqual(upcoming.slice(0, PAGE).map((event) => event.title));
    expect(first).toContain('href="/kegiatan-lalu"');
    const next = nextOf(first);
    expect(next).toMatch(/^\/\?setelah=/);
    const second = await app.request(next as string);
    expect(second.status).toBe(200);
    const html = await second.text();
    expect(titlesOf(html)).toEqual(upcoming.slice(PAGE).map((event) => event.title));
    expect(nextOf(html)).toBeUndefined();
    expect(html).toContain('Kembali ke halaman pertama');
  });

  it('past sessions have their own page, in both languages', async () => {
    const res = await app.request('/kegiatan-lalu');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Kegiatan yang sudah lewat');
    expect(titlesOf(html)).toEqual(past.slice(0, PAGE).map((event) => event.title));
    expect(html).toContain('Kegiatan sudah selesai.');
    const titles: (string | undefined)[] = [...titlesOf(html)];
    let next = nextOf(html);
    while (next) {
      const page = await (await app.request(next)).text();
      titles.push(...titlesOf(page));
      next = nextOf(page);
    }
    expect(titles).toEqual(past.map((event) => event.title));
    const english = await (await app.request('/kegiatan-lalu?lang=en')).text();
    expect(english).toContain('Past sessions');
    expect(english).toContain('This session has ended.');
    expect(english).toContain('See upcoming sessions');
  });
});
