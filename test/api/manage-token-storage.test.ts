import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../functions/db/store';
import type { OutgoingMessage } from '../../functions/domain/mail-message';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createConsoleApp, jsonRequest, makeUser, sessionCookie } from '../admin/helpers';
import { createTestApp, json } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { capturingTransport, expectStoredNowhere } from '../helpers/stored-secrets';

let store: TestStore;
let app: ReturnType<typeof createTestApp>;
let directory: string[] = [];
let seed = 8600;

beforeAll(async () => {
  store = await createTestStore();
  directory = (await seedKotim(store)).map((cooperative) => cooperative.id);
  app = createTestApp(store);
});

type Registered = { registration: { id: string; status: string }; manageToken: string };

async function register(eventId: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(`/api/events/${eventId}/registrations`, json(body, headers));
  expect(res.status).toBe(201);
  return (await res.json()) as Registered;
}

async function deliverAll() {
  const transport = capturingTransport();
  await createOutboxWorker({
    store,
    transport,
    mail: { baseUrl: 'https://hadir.test', from: 'hadir <noreply@hadir.test>' },
  }).drain();
  return transport.sent;
}

/** The manage link an email shows, as the contact would click it. */
function manageLinkIn(message: OutgoingMessage | undefined) {
  const match = message?.text.match(/https:\/\/hadir\.test\/kelola\/([0-9a-z]+)\?token=([A-Za-z0-9_%-]+)/);
  return match ? { id: match[1] as string, token: decodeURIComponent(match[2] as string) } : undefined;
}

const manage = (id: string, token: string) =>
  app.request(`/api/registrations/${id}`, { headers: { authorization: `Bearer ${token}` } });

describe('manage tokens, stored nowhere', () => {
  it('keeps no manage token in any item, yet replays, emails and honours the manage link', async () => {
    const event = makeEvent({ capacity: 2 });
    await store.events.put(event);
    const body = registrationBody(directory.shift() as string, 2, seed++);
    const first = await register(event.id, body, { 'idempotency-key': 'kelola-sekali' });
    const replayed = await register(event.id, body, { 'idempotency-key': 'kelola-sekali' });
    // The replay comes from an idempotency record without the token, and still carries the same one.
    expect(replayed).toEqual(first);
    expect(first.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The session is full now: a waitlisted contact gets a manage link too, to leave the queue.
    const waitingBody = registrationBody(directory.shift() as string, 1, seed++);
    const waiting = await register(event.id, waitingBody);
    expect(waiting.registration.status).toBe('waitlisted');
    const tokens = [first.manageToken, waiting.manageToken];

    // Pending email jobs hold no token either: before the worker ran, and after.
    await expectStoredNowhere(store, tokens);
    const sent = await deliverAll();
    await expectStoredNowhere(store, tokens);

    const received = sent.find((message) => message.to[0] === body.contact.email);
    expect(received?.subject).toBeTruthy();
    expect(manageLinkIn(received)).toEqual({ id: first.registration.id, token: first.manageToken });
    const queued = sent.find((message) => message.to[0] === waitingBody.contact.email);
    expect(manageLinkIn(queued)).toEqual({ id: waiting.registration.id, token: waiting.manageToken });

    const opened = await manage(first.registration.id, first.manageToken);
    expect(opened.status).toBe(200);
    expect((await opened.json()).registration.id).toBe(first.registration.id);
    const page = await app.request(`/kelola/${first.registration.id}?token=${first.manageToken}`);
    expect(page.status).toBe(200);

    // A wrong token, another registration's token, and an unknown id all look the same.
    const wrong = `${first.manageToken.slice(0, -1)}${first.manageToken.endsWith('A') ? 'B' : 'A'}`;
    for (const [id, token] of [
      [first.registration.id, wrong],
      [first.registration.id, waiting.manageToken],
      ['0000000000000000', first.manageToken],
    ] as const) {
      const res = await manage(id, token);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  it('keeps the UU PDP rights working through the derived link, and stores it nowhere after erasure', async () => {
    const event = makeEvent();
    await store.events.put(event);
    const { registration, manageToken } = await register(
      event.id,
      registrationBody(directory.shift() as string, 1, seed++),
    );
    const auth = { authorization: `Bearer ${manageToken}` };
    const data = await app.request(`/api/registrations/${registration.id}/data`, { headers: auth });
    expect(data.status).toBe(200);
    const exported = await data.text();
    expect(exported).not.toContain(manageToken);
    expect(exported).not.toContain('manageTokenHash');
    const erased = await app.request(`/api/registrations/${registration.id}/erase`, {
      method: 'POST',
      headers: auth,
    });
    expect(erased.status).toBe(200);
    expect((await erased.json()).registration.status).toBe('cancelled');
    await deliverAll();
    await expectStoredNowhere(store, [manageToken]);
  });

  it('yields no working manage link to whoever reads the table without the ticket key', async () => {
    const event = makeEvent();
    await store.events.put(event);
    const { registration, manageToken } = await register(
      event.id,
      registrationBody(directory.shift() as string, 1, seed++),
    );
    const copy = createStore(store.doc, store.tableName, {
      ticketKey: 'someone-elses-guess-at-the-key-0123456789abcdef',
    });
    const guessed = copy.registrations.manageToken(registration.id);
    expect(guessed).not.toBe(manageToken);
    expect((await manage(registration.id, guessed)).status).toBe(404);
    // Nor does the ticket key's other purpose: a sign-in link for the same id is another secret.
    expect(store.users.signInToken(registration.id)).not.toBe(manageToken);
  });
});

describe('sign-in links, stored nowhere', () => {
  it('queues the email with a link id only; the emailed link signs in once', async () => {
    const consoleApp = createConsoleApp(store);
    const organizer = await makeUser(store, 'organizer');
    const requested = await consoleApp.request(
      '/api/auth/sign-in',
      jsonRequest('POST', { email: organizer.email }),
    );
    expect(requested.status).toBe(202);
    const job = (await store.outbox.due(new Date(Date.now() + 60_000), 1000)).find(
      (candidate) => candidate.kind === 'sign_in' && candidate.to === organizer.email,
    );
    expect(job?.secret).toBeUndefined();
    expect(job?.signInLinkId).toBeTruthy();
    const token = store.users.signInToken(job?.signInLinkId as string);
    await expectStoredNowhere(store, [token]);

    const sent = await deliverAll();
    const email = sent.find((message) => message.to[0] === organizer.email);
    const link = email?.text.match(/https:\/\/hadir\.test\/auth\/verify\?token=([A-Za-z0-9_%-]+)/)?.[1];
    expect(link && decodeURIComponent(link)).toBe(token);
    await expectStoredNowhere(store, [token]);

    const verified = await consoleApp.request(`/auth/verify?token=${token}`);
    expect(verified.status).toBe(303);
    expect(sessionCookie(verified)).toBeTruthy();
    expect((await consoleApp.request(`/auth/verify?token=${token}`)).status).toBe(400);
  });
});
