import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { generateSignedCookie } from 'hono/cookie';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/db/keys';
import type { User } from '../../functions/domain/accounts';
import { hashSecret } from '../../functions/domain/tokens';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';
import {
  type ConsoleApp,
  createConsoleApp,
  jsonRequest,
  makeUser,
  SESSION_SECRET,
  seedOrganisations,
  sessionCookie,
  signIn,
  signInSecret,
} from './helpers';

let store: TestStore;
let app: ConsoleApp;
let organizer: User;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  app = createConsoleApp(store, clock);
  organizer = await makeUser(store, 'organizer');
});

const me = (cookie?: string) => app.request('/api/admin/me', { headers: cookie ? { cookie } : {} });

describe('POST /api/auth/sign-in', () => {
  it('answers 202 for an unknown email and writes no email job', async () => {
    const res = await app.request('/api/auth/sign-in', jsonRequest('POST', { email: 'nobody@example.org' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    expect(await signInSecret(store, 'nobody@example.org')).toBeUndefined();
  });

  it('answers the same 202 for a user and queues a sign-in email with a 256-bit secret', async () => {
    const res = await app.request(
      '/api/auth/sign-in',
      jsonRequest('POST', { email: organizer.email.toUpperCase() }),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    const secret = await signInSecret(store, organizer.email);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers 202 for a malformed email too, and 400 only for a body without an email', async () => {
    expect(
      (await app.request('/api/auth/sign-in', jsonRequest('POST', { email: 'bukan email' }))).status,
    ).toBe(202);
    const res = await app.request('/api/auth/sign-in', jsonRequest('POST', {}));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('validation');
  });
});

describe('sign-in tells nobody who has an account', () => {
  /** The DynamoDB commands a request sends, by name, in order. */
  async function commandsOf(request: () => Response | Promise<Response>) {
    const sent: string[] = [];
    const doc = store.doc as { send: (command: object, ...rest: unknown[]) => Promise<unknown> };
    const send = doc.send;
    doc.send = (command, ...rest) => {
      sent.push(command.constructor.name);
      return send.call(doc, command, ...rest);
    };
    try {
      const response = await request();
      return { response, sent };
    } finally {
      doc.send = send;
    }
  }

  /** What a client can see of an answer, less what differs on every request. */
  const visible = async (response: Response) => ({
    status: response.status,
    headers: [...response.headers].filter(([name]) => !['x-request-id', 'date'].includes(name)),
    body: await response.text(),
  });

  it('the API does the same reads, hashing and write and answers the same for an unknown address', async () => {
    const known = await commandsOf(() =>
      app.request('/api/auth/sign-in', jsonRequest('POST', { email: organizer.email })),
    );
    const unknown = await commandsOf(() =>
      app.request('/api/auth/sign-in', jsonRequest('POST', { email: 'tidak-ada@example.org' })),
    );
    const malformed = await commandsOf(() =>
      app.request('/api/auth/sign-in', jsonRequest('POST', { email: 'bukan email' })),
    );
    expect(known.sent).toEqual(['GetCommand', 'GetCommand', 'TransactWriteCommand']);
    expect(unknown.sent).toEqual(known.sent);
    expect(malformed.sent).toEqual(known.sent);
    const answer = await visible(known.response);
    expect(answer.status).toBe(202);
    expect(await visible(unknown.response)).toEqual(answer);
    expect(await visible(malformed.response)).toEqual(answer);
    // Only the user's address got an email.
    expect(await signInSecret(store, 'tidak-ada@example.org')).toBeUndefined();
  });

  it('the form without JavaScript answers the same page for a user, a stranger and an inactive user', async () => {
    const inactive = await makeUser(store, 'organizer');
    await store.users.update({ ...inactive, active: false });
    const post = (email: string) =>
      commandsOf(() =>
        app.request('/masuk', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
          body: new URLSearchParams({ email }).toString(),
        }),
      );
    const known = await post(organizer.email);
    const answer = await visible(known.response);
    expect(answer.status).toBe(200);
    for (const other of [await post('orang-asing@example.org'), await post(inactive.email)]) {
      expect(other.sent).toEqual(known.sent);
      expect(await visible(other.response)).toEqual(answer);
    }
  });

  it('a link item written for nobody signs nobody in', async () => {
    const token = 'B'.repeat(43);
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.signInToken(hashSecret(token)),
          createdAt: new Date().toISOString(),
          expiresAt: Math.floor(Date.now() / 1000) + 900,
        },
      }),
    );
    const res = await app.request(`/auth/verify?token=${token}`);
    expect(res.status).toBe(400);
    expect(sessionCookie(res)).toBeUndefined();
  });
});

describe('GET /auth/verify', () => {
  it('sets an HttpOnly, Secure, SameSite=Lax signed cookie and redirects to the console', async () => {
    await app.request('/api/auth/sign-in', jsonRequest('POST', { email: organizer.email }));
    const secret = await signInSecret(store, organizer.email);
    const res = await app.request(`/auth/verify?token=${secret}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('hadir_session=')) ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = await (await me(sessionCookie(res))).json();
    expect(body.user).toMatchObject({ email: organizer.email, role: 'organizer' });
  });

  it('rejects a link used twice', async () => {
    await app.request('/api/auth/sign-in', jsonRequest('POST', { email: organizer.email }));
    const secret = await signInSecret(store, organizer.email);
    expect((await app.request(`/auth/verify?token=${secret}`)).status).toBe(303);
    const again = await app.request(`/auth/verify?token=${secret}`);
    expect(again.status).toBe(400);
    expect(sessionCookie(again)).toBeUndefined();
    expect(await again.text()).toContain('Tautan masuk tidak berlaku lagi');
  });

  it('rejects an expired link (older than 15 minutes)', async () => {
    await app.request('/api/auth/sign-in', jsonRequest('POST', { email: organizer.email }));
    const secret = await signInSecret(store, organizer.email);
    offsetMs = 16 * 60_000;
    try {
      const res = await app.request(`/auth/verify?token=${secret}`);
      expect(res.status).toBe(400);
      expect(sessionCookie(res)).toBeUndefined();
    } finally {
      offsetMs = 0;
    }
  });

  it('rejects a tampered link', async () => {
    await app.request('/api/auth/sign-in', jsonRequest('POST', { email: organizer.email }));
    const secret = (await signInSecret(store, organizer.email)) as string;
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect((await app.request(`/auth/verify?token=${tampered}`)).status).toBe(400);
    expect((await app.request('/auth/verify')).status).toBe(400);
  });

  it('does not sign in a deactivated user', async () => {
    const gone = await makeUser(store, 'organizer');
    const cookie = await signIn(app, store, gone.email);
    await store.users.update({ ...gone, active: false });
    expect((await me(cookie)).status).toBe(401);
    await app.request('/api/auth/sign-in', jsonRequest('POST', { email: gone.email }));
    expect(await signInSecret(store, gone.email)).toBeDefined(); // the earlier one, not a new one
  });
});

describe('session cookies', () => {
  it('refuses a tampered cookie, one signed with another secret, and a made-up session id', async () => {
    const cookie = await signIn(app, store, organizer.email);
    expect((await me(cookie)).status).toBe(200);
    const value = decodeURIComponent(cookie.split('=').slice(1).join('='));
    const [id, signature] = [value.slice(0, value.lastIndexOf('.')), value.slice(value.lastIndexOf('.') + 1)];
    const flipped = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${signature}`;
    expect((await me(`hadir_session=${encodeURIComponent(flipped)}`)).status).toBe(401);
    const foreign = (
      await generateSignedCookie('hadir_session', id, 'another-secret-another-secret-another')
    ).split(';')[0];
    expect((await me(foreign)).status).toBe(401);
    const invented = (await generateSignedCookie('hadir_session', 'x'.repeat(43), SESSION_SECRET)).split(
      ';',
    )[0];
    expect((await me(invented)).status).toBe(401);
    expect((await me('hadir_session=plain-unsigned-value')).status).toBe(401);
  });

  it('sign-out ends the session on the server: the old cookie no longer works', async () => {
    const cookie = await signIn(app, store, organizer.email);
    const out = await app.request('/api/auth/sign-out', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/hadir_session=;/);
    expect((await me(cookie)).status).toBe(401);
  });

  it('an expired session is refused', async () => {
    const cookie = await signIn(app, store, organizer.email);
    offsetMs = 13 * 3_600_000;
    try {
      expect((await me(cookie)).status).toBe(401);
    } finally {
      offsetMs = 0;
    }
  });

  it('refuses a cookie-authenticated request from another origin (CSRF), JSON or form', async () => {
    const cookie = await signIn(app, store, organizer.email);
    const evil = { cookie, origin: 'https://evil.example' };
    const json = await app.request('/api/admin/events', jsonRequest('POST', {}, evil));
    expect(json.status).toBe(403);
    const crossSite = await app.request(
      '/api/admin/events',
      jsonRequest('POST', {}, { cookie, 'sec-fetch-site': 'cross-site' }),
    );
    expect(crossSite.status).toBe(403);
    const form = await app.request('/keluar', {
      method: 'POST',
      headers: { ...evil, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(form.status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });

  it('a console form without the session CSRF token is refused', async () => {
    const cookie = await signIn(app, store, organizer.email);
    const res = await app.request('/keluar', {
      method: 'POST',
      headers: { cookie, origin: 'https://hadir.test', 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=wrong',
    });
    expect(res.status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });
});
