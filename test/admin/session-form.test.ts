import { beforeAll, expect, it } from 'vitest';
import type { TestStore } from '../helpers/store';
import { createTestStore, seedKotim } from '../helpers/store';
import { createConsoleApp, makeUser, seedOrganisations, signIn } from './helpers';

/** The session form speaks the organizer's language: zones as WIB/WITA/WIT, a regency code with its name. */
let store: TestStore;
let app: ReturnType<typeof createConsoleApp>;
let cookie: string;

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  const organizer = await makeUser(store, 'organizer');
  app = createConsoleApp(store);
  cookie = await signIn(app, store, organizer.email);
});

it('names the time zones WIB, WITA and WIT with their city, and the regency beside its code', async () => {
  const html = await (await app.request('/admin/acara/baru', { headers: { cookie } })).text();
  for (const [zone, label] of [
    ['Asia/Jakarta', 'WIB (Jakarta)'],
    ['Asia/Pontianak', 'WIB (Pontianak)'],
    ['Asia/Makassar', 'WITA (Makassar)'],
    ['Asia/Jayapura', 'WIT (Jayapura)'],
  ] as const)
    expect(html).toMatch(
      new RegExp(`<option value="${zone}"[^>]*>${label.replace(/[()]/g, '\\$&')}</option>`),
    );
  expect(html).not.toMatch(/>Asia\/\w+</);
  expect(html).toMatch(/id="regencyCode"[^>]*aria-describedby="regencyName"/);
  expect(html).toContain(
    '<p class="muted" id="regencyName">Kabupaten Kotawaringin Timur, Kalimantan Tengah</p>',
  );
});
