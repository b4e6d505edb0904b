import { beforeAll, expect, it } from 'vitest';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';
import { type ConsoleApp, createConsoleApp, makeUser, ORG, seedOrganisations, signIn } from './helpers';

let store: TestStore;
let app: ConsoleApp;
let admin: string;
let organizer: string;

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  app = createConsoleApp(store);
  admin = await signIn(app, store, (await makeUser(store, 'admin')).email);
  organizer = await signIn(app, store, (await makeUser(store, 'organizer')).email);
});

async function csrfOf(cookie: string) {
  const page = await app.request('/admin/pengguna', { headers: { cookie } });
  return (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
}

const post = async (cookie: string, fields: Record<string, string>) =>
  app.request('/admin/organisasi', {
    method: 'POST',
    headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: await csrfOf(cookie), ...fields }).toString(),
  });

it('an admin adds an organisation from the users page; it is listed and offered for new users', async () => {
  const added = await post(admin, { id: 'dinkop-seruyan', name: 'Dinas Koperasi Kabupaten Seruyan' });
  expect(added.status).toBe(303);
  expect(added.headers.get('location')).toBe('/admin/pengguna#organisasi');
  expect((await store.users.getOrganisation('dinkop-seruyan'))?.name).toBe(
    'Dinas Koperasi Kabupaten Seruyan',
  );
  const page = await (await app.request('/admin/pengguna', { headers: { cookie: admin } })).text();
  expect(page).toContain('<td>dinkop-seruyan</td>');
  expect(page).toContain('<option value="dinkop-seruyan">Dinas Koperasi Kabupaten Seruyan</option>');
});

it('explains a code already taken or malformed on the form, in Bahasa Indonesia, and keeps what was typed', async () => {
  const taken = await post(admin, { id: ORG.id, name: 'Nama Lain' });
  expect(taken.status).toBe(409);
  const takenPage = await taken.text();
  expect(takenPage).toContain('value="Nama Lain"');
  expect((await store.users.getOrganisation(ORG.id))?.name).toBe(ORG.name);

  const malformed = await post(admin, { id: 'Dinas Koperasi!', name: 'Dinas Koperasi Katingan' });
  expect(malformed.status).toBe(400);
  const page = await malformed.text();
  expect(page).toContain('value="Dinas Koperasi!"');
  expect(page).toContain('huruf kecil, angka dan tanda hubung');
  expect(await store.users.getOrganisation('Dinas Koperasi!')).toBeUndefined();
});

it('is for admins only', async () => {
  const refused = await post(organizer, { id: 'dinkop-katingan', name: 'Dinas Koperasi Katingan' });
  expect(refused.status).toBe(403);
  expect(await store.users.getOrganisation('dinkop-katingan')).toBeUndefined();
});
