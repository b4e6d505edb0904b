import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentClient } from '../../functions/db/client';
import { ensureRateLimitTable } from '../../functions/db/table';
import type { Board } from '../../functions/domain/questions';
import { createApp } from '../../functions/http/app';
import { createDynamoRateLimiter } from '../../functions/services/rate-limiter';
import { createRegistrationService } from '../../functions/services/registrations';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations, signIn } from '../admin/helpers';
import { json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

/** Every Query this store sends is cut to pages of PAGE items: a list that stops after one page misses questions. */
const PAGE = 3;
function forceSmallPages(doc: DocumentClient) {
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand') {
        const input = args.input as { Limit?: number };
        input.Limit = Math.min(input.Limit ?? PAGE, PAGE);
      }
      return next(args);
    },
    { step: 'initialize', name: 'forceSmallPages' },
  );
}

let store: TestStore;
let app: ReturnType<typeof createApp>;
let limited: ReturnType<typeof createApp>;
let cookie: string;
let ticketCode: string;
let now = new Date();
const event = makeEvent({ organisationId: ORG.id });
const origin = { origin: 'http://localhost' };
const api = `/api/events/${event.id}/questions`;
const admin = `/api/admin/events/${event.id}/questions`;

const ask = (text: string, extra: Record<string, string> = {}, target = app) =>
  target.request(api, json({ id: randomUUID(), text, deviceId: randomUUID(), ...extra }));
const moderate = (questionId: string, action: string, targetId?: string) =>
  app.request(`${admin}/${questionId}/moderation`, json({ action, targetId }, { ...origin, cookie }));
const board = async (): Promise<Board> => {
  now = new Date(now.getTime() + 5_000); // past the board's cache
  return (await app.request(`${api}/board`)).json();
};

beforeAll(async () => {
  store = await createTestStore();
  forceSmallPages(store.doc);
  const directory = await seedKotim(store);
  await seedOrganisations(store);
  await store.events.put(event);
  const clock = () => now;
  app = createApp({
    store,
    config: { runtime: 'test', publicBaseUrl: 'https://hadir.test', sessionSecret: SESSION_SECRET },
    clock,
  });
  const limits = `limits-${randomUUID()}`;
  await ensureRateLimitTable(store.doc, limits);
  limited = createApp({
    store,
    config: { runtime: 'test', sessionSecret: SESSION_SECRET },
    rateLimiter: createDynamoRateLimiter(store.doc, limits),
    clock,
  });
  const organizer = await makeUser(store, 'organizer');
  cookie = await signIn(app, store, organizer.email);
  const cooperative = directory.find((c) => c.villageType === 'desa') ?? directory[0];
  const registered = await createRegistrationService(store, clock).register(
    event.id,
    registrationBody(cooperative?.id ?? '', 1, 7),
    { language: 'id' },
  );
  ticketCode = registered.registration.participants[0]?.ticketCode ?? '';
});

describe('asking', () => {
  it('stores a question once however often it is retried, and refuses the same id with another text', async () => {
    const body = { id: randomUUID(), text: 'Berapa modal awal koperasi desa?', ticketCode };
    const first = await app.request(api, json(body));
    expect(first.status).toBe(201);
    const retry = await app.request(api, json(body));
    expect(retry.status).toBe(200);
    expect((await retry.json()).question).toEqual({ id: body.id, status: 'pending' });
    expect((await app.request(api, json({ ...body, text: 'Lain sama sekali' }))).status).toBe(409);
    const stored = await store.questions.get(event.id, body.id);
    expect(stored?.askedBy?.cooperativeName).toMatch(/Merah Putih/);
    expect(stored?.askedBy?.villageName).toBeTruthy();
    expect(stored?.source).toBe('ticket');
  });

  it('refuses questions over 500 characters, in Bahasa Indonesia', async () => {
    const res = await ask('x'.repeat(501));
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].message).toMatch(/Maksimal 500|500/);
  });

  it('rate-limits one phone after a few questions', async () => {
    const deviceId = randomUUID();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await ask(`Pertanyaan ke-${i} dari satu ponsel`, { deviceId }, limited)).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describe('moderation, votes and the board', () => {
  let ids: string[] = [];

  beforeAll(async () => {
    ids = [];
    for (let i = 0; i < 12; i++) {
      const res = await ask(`Pertanyaan nomor ${i} tentang koperasi`);
      ids.push((await res.json()).question.id);
    }
  });

  it('never shows a question to the public before a moderator approves it, nor once hidden', async () => {
    expect((await board()).top).toEqual([]);
    expect((await moderate(ids[0] as string, 'approve')).status).toBe(200);
    expect((await moderate(ids[1] as string, 'approve')).status).toBe(200);
    expect((await moderate(ids[2] as string, 'hide')).status).toBe(200);
    const shown = await board();
    expect(shown.top.map((e) => e.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect((await moderate(ids[1] as string, 'hide')).status).toBe(200);
    const after = JSON.stringify(await board());
    expect(after).not.toContain(ids[1]);
    expect(after).not.toContain(ids[2]);
  });

  it('refuses votes on questions that are not approved, and moderation without a login', async () => {
    const res = await app.request(`${api}/${ids[2]}/votes`, json({ deviceId: randomUUID() }));
    expect(res.status).toBe(409);
    expect(
      (await app.request(`${admin}/${ids[0]}/moderation`, json({ action: 'hide' }, origin))).status,
    ).toBe(401);
  });

  it('counts one vote per phone and per ticket however often it is sent', async () => {
    const phone = randomUUID();
    const vote = (body: Record<string, string>) => app.request(`${api}/${ids[0]}/votes`, json(body));
    expect((await (await vote({ deviceId: phone })).json()).counted).toBe(true);
    expect((await (await vote({ deviceId: phone })).json()).counted).toBe(false);
    await Promise.all([
      vote({ deviceId: randomUUID(), ticketCode }),
      vote({ deviceId: randomUUID(), ticketCode }),
    ]);
    expect((await store.questions.get(event.id, ids[0] as string))?.votes).toBe(2);
  });

  it('merges a duplicate: its votes count for the other, and it leaves the board', async () => {
    await moderate(ids[3] as string, 'approve');
    await app.request(`${api}/${ids[3]}/votes`, json({ deviceId: randomUUID() }));
    expect((await moderate(ids[3] as string, 'merge', ids[0])).status).toBe(200);
    const shown = await board();
    expect(shown.top[0]).toMatchObject({ id: ids[0], votes: 3 });
    expect(shown.top.map((e) => e.id)).not.toContain(ids[3]);
    expect((await moderate(ids[3] as string, 'approve')).status).toBe(409);
  });

  it('pins one question at a time and answers an unchanged board with 304', async () => {
    await moderate(ids[4] as string, 'approve');
    await moderate(ids[4] as string, 'pin');
    await moderate(ids[0] as string, 'pin');
    const shown = await board();
    expect(shown.pinned?.id).toBe(ids[0]);
    expect((await store.questions.get(event.id, ids[4] as string))?.pinnedAt).toBeUndefined();
    now = new Date(now.getTime() + 5_000);
    const first = await app.request(`${api}/board`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toBeTruthy();
    const again = await app.request(`${api}/board`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('lists every question for the moderator over many pages, waiting ones first', async () => {
    const res = await app.request(admin, { headers: { cookie } });
    const { questions } = await res.json();
    // 12 here, and those asked above: more than a few pages of 3.
    expect(questions.length).toBeGreaterThanOrEqual(12 + 1 + 5);
    expect(questions[0].status).toBe('pending');
    expect(new Set(questions.map((q: { id: string }) => q.id)).size).toBe(questions.length);
  });

  it('gives the laporan and the emails the answered questions, merged votes folded in', async () => {
    const put = (id: string, answer: string) =>
      app.request(`${admin}/${id}/answer`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...origin, cookie },
        body: JSON.stringify({ answer }),
      });
    expect((await put(ids[0] as string, 'Modal awal dari simpanan pokok anggota.')).status).toBe(200);
    expect((await put(ids[2] as string, 'Tersembunyi')).status).toBe(409);
    await moderate(ids[4] as string, 'answered');
    const { questionServiceOf } = await import('../../functions/services/questions');
    const answered = await questionServiceOf(store, () => now).answered(event.id);
    expect(answered.map((a) => [a.id, a.votes, a.answer])).toEqual([
      [ids[0], 3, 'Modal awal dari simpanan pokok anggota.'],
      [ids[4], 0, ''],
    ]);
  });

  it('shows the moderator page with its actions', async () => {
    const res = await app.request(`/admin/acara/${event.id}/tanya-jawab`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Menunggu moderasi');
    expect(html).toContain('Pertanyaan nomor 11 tentang koperasi');
  });
});
