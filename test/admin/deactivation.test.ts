import { beforeAll, expect, it } from 'vitest';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';
import {
  type ConsoleApp,
  createConsoleApp,
  jsonRequest,
  makeUser,
  seedOrganisations,
  signIn,
  signInSecret,
} from './helpers';

/** Deactivating a user ends their console logins for good: reactivating them brings no old cookie back. */

let store: TestStore;
let app: ConsoleApp;
let admin: string;

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  app = createConsoleApp(store);
  admin = await signIn(app, store, (await makeUser(store, 'admin')).email);
});

const me = (cookie: string) => app.request('/api/admin/me', { headers: { cookie } });
const setActive = (userId: string, active: boolean) =>
  app.request(
    `/api/admin/users/${userId}`,
    jsonRequest('PATCH', { active }, { cookie: admin, origin: 'http://localhost' }),
  );

it('an old cookie stays dead after the user is reactivated; a new sign-in works', async () => {
  const user = await makeUser(store, 'organizer');
  const first = await signIn(app, store, user.email);
  const second = await signIn(app, store, user.email); // another device
  expect((await me(first)).status).toBe(200);

  expect((await setActive(user.id, false)).status).toBe(200);
  expect((await me(first)).status).toBe(401);
  expect((await setActive(user.id, true)).status).toBe(200);
  expect((await me(first)).status).toBe(401);
  expect((await me(second)).status).toBe(401);
  const page = await app.request('/admin', { headers: { cookie: first } });
  expect(page.status).toBe(303);
  expect(page.headers.get('location')).toBe('/masuk');

  const fresh = await signIn(app, store, user.email);
  expect((await me(fresh)).status).toBe(200);
  expect((await me(first)).status).toBe(401);
});

it('a sign-in link sent before the deactivation does not sign in after the reactivation', async () => {
  const user = await makeUser(store, 'organizer');
  await app.request('/api/auth/sign-in', jsonRequest('POST', { email: user.email }));
  const pending = await signInSecret(store, user.email);
  expect(pending).toBeTypeOf('string');
  await setActive(user.id, false);
  await setActive(user.id, true);
  const verified = await app.request(`/auth/verify?token=${encodeURIComponent(pending as string)}`);
  expect(
    verified.headers.getSetCookie().some((c) => c.startsWith('hadir_session=') && !c.includes('Max-Age=0')),
  ).toBe(false);
  expect(verified.status).not.toBe(303);
});

it('the console form deactivates the same way', async () => {
  const user = await makeUser(store, 'business_assistant');
  const cookie = await signIn(app, store, user.email);
  const usersPage = await (await app.request('/admin/pengguna', { headers: { cookie: admin } })).text();
  const csrf = usersPage.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const post = (active: string) =>
    app.request(`/admin/pengguna/${user.id}/status`, {
      method: 'POST',
      headers: {
        cookie: admin,
        origin: 'http://localhost',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf, active }).toString(),
    });
  expect((await post('false')).status).toBe(303);
  expect((await post('true')).status).toBe(303);
  expect((await me(cookie)).status).toBe(401);
  expect((await store.users.get(user.id))?.active).toBe(true);
});

it('a write from a copy read before the deactivation cannot bring the old logins back', async () => {
  const user = await makeUser(store, 'organizer');
  const cookie = await signIn(app, store, user.email);
  const stale = await store.users.get(user.id);
  await setActive(user.id, false);
  await expect(
    store.users.update({ ...(stale as NonNullable<typeof stale>), active: true }),
  ).rejects.toMatchObject({ code: 'conflict' });
  await setActive(user.id, true);
  expect((await me(cookie)).status).toBe(401);
});
