import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleApp,
  createConsoleApp,
  jsonRequest,
  makeUser,
  ORG,
  seedOrganisations,
  signIn,
} from '../admin/helpers';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';

/** An admin makes province and national viewers, through the API and through the users page. */

let store: TestStore;
let app: ConsoleApp;
let cookie: string;

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  await store.users.putOrganisation(
    { id: 'kemenkop', name: 'Kementerian Koperasi', regencyCodes: [], createdAt: new Date().toISOString() },
    { overwrite: true },
  );
  app = createConsoleApp(store);
  cookie = await signIn(app, store, (await makeUser(store, 'admin')).email);
});

const api = (body: unknown) => app.request('/api/admin/users', jsonRequest('POST', body, { cookie }));

describe('viewer accounts', () => {
  it('the API makes a province viewer of the provinces given, and refuses one of no province', async () => {
    const made = await api({
      email: 'pemantau.kalteng@example.go.id',
      name: 'Pemantau Kalteng',
      role: 'province_viewer',
      organisationId: ORG.id,
      provinceCodes: ['62', '63'],
    });
    expect(made.status).toBe(201);
    expect((await store.users.findByEmail('pemantau.kalteng@example.go.id'))?.provinceCodes).toEqual([
      '62',
      '63',
    ]);
    const none = await api({
      email: 'pemantau.kosong@example.go.id',
      name: 'Pemantau Kosong',
      role: 'province_viewer',
      organisationId: ORG.id,
    });
    expect(none.status).toBe(400);
    const wrong = await api({
      email: 'pemantau.salah@example.go.id',
      name: 'Pemantau Salah',
      role: 'province_viewer',
      organisationId: ORG.id,
      provinceCodes: ['6'],
    });
    expect(wrong.status).toBe(400);
  });

  it('the API makes a national viewer, who keeps no provinces', async () => {
    const made = await api({
      email: 'pusat@kemenkop.example.go.id',
      name: 'Pemantau Nasional',
      role: 'national_viewer',
      organisationId: 'kemenkop',
      provinceCodes: ['62'],
    });
    expect(made.status).toBe(201);
    const user = await store.users.findByEmail('pusat@kemenkop.example.go.id');
    expect(user?.role).toBe('national_viewer');
    expect(user?.provinceCodes).toBeUndefined();
  });

  it('the users page offers both roles and the provinces, and its form makes a province viewer', async () => {
    const page = await (await app.request('/admin/pengguna', { headers: { cookie } })).text();
    expect(page).toContain('<option value="province_viewer"');
    expect(page).toContain('<option value="national_viewer"');
    expect(page).toContain('name="provinceCodes"');
    const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
    const posted = await app.request('/admin/pengguna', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrf,
        email: 'pemantau.kaltim@example.go.id',
        name: 'Pemantau Kaltim',
        role: 'province_viewer',
        organisationId: ORG.id,
        provinceCodes: '64, 65',
      }).toString(),
    });
    expect(posted.status).toBe(303);
    expect((await store.users.findByEmail('pemantau.kaltim@example.go.id'))?.provinceCodes).toEqual([
      '64',
      '65',
    ]);
  });
});
