import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { createCoverageService } from '../../functions/services/coverage';
import { createRegistrationService } from '../../functions/services/registrations';
import {
  type ConsoleApp,
  createConsoleApp,
  makeUser,
  ORG,
  seedOrganisations,
  signIn,
} from '../admin/helpers';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody } from '../helpers/store';

/**
 * Who sees the coverage pages: a province viewer only their provinces, a national viewer all of them, organizers
 * and Business Assistants none; viewers see nothing else of the console, and no page or file of theirs names a
 * person.
 */

let store: TestStore;
let app: ConsoleApp;
const cookies: Record<string, string> = {};
const contactName = 'Siti Aminah';

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  const kotim = await loadRegencyDirectory('62.02');
  const kobar = await loadRegencyDirectory('62.01');
  const kukar = await loadRegencyDirectory('64.02');
  for (const d of [kotim, kobar, kukar])
    await store.cooperatives.importRegency(d.regency, d.cooperatives, { withSearchWords: false });
  const event = makeEvent({ organisationId: ORG.id });
  await store.events.put(event);
  const registered = await createRegistrationService(store).register(
    event.id,
    registrationBody(kotim.cooperatives[3]?.id as string, 2, 99_001),
    { language: 'id' },
  );
  // The stream would do this in AWS; here the change is applied as its record would be.
  const coverage = createCoverageService(store);
  await coverage.apply({ kind: 'session', eventId: event.id, after: event });
  await coverage.apply({
    kind: 'registration',
    registrationId: registered.registration.id,
    cooperativeId: registered.registration.cooperativeId,
    after: { status: 'confirmed' },
  });
  app = createConsoleApp(store);
  const users = {
    province: await makeUser(store, 'province_viewer', ORG.id, { provinceCodes: ['62'] }),
    national: await makeUser(store, 'national_viewer', 'kemenkop'),
    organizer: await makeUser(store, 'organizer'),
    ba: await makeUser(store, 'business_assistant'),
    admin: await makeUser(store, 'admin'),
  };
  for (const [name, user] of Object.entries(users)) cookies[name] = await signIn(app, store, user.email);
});

const get = (who: string, path: string) => app.request(path, { headers: { cookie: cookies[who] as string } });

describe('coverage pages by role', () => {
  it('a province viewer sees their province and its regencies, not another province', async () => {
    const home = await get('province', '/admin/cakupan');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/admin/cakupan/provinsi/62');
    const province = await get('province', '/admin/cakupan/provinsi/62');
    expect(province.status).toBe(200);
    const html = await province.text();
    expect(html).toContain('Kotawaringin Timur');
    expect(html).toContain('Kotawaringin Barat');
    expect((await get('province', '/admin/cakupan/provinsi/64')).status).toBe(403);
    expect((await get('province', '/admin/cakupan/kabupaten/64.02')).status).toBe(403);
    expect((await get('province', '/admin/cakupan/ekspor/provinsi-64.csv')).status).toBe(403);
    const regency = await (await get('province', '/admin/cakupan/kabupaten/62.02')).text();
    expect(regency).toContain('Koperasi yang belum tersosialisasi');
  });

  it('viewers see nothing of the rest of the console, pages or API', async () => {
    for (const who of ['province', 'national']) {
      expect((await get(who, '/admin')).headers.get('location')).toBe('/admin/cakupan');
      for (const path of [
        '/admin/pengguna',
        '/admin/laporan',
        '/api/admin/events',
        '/api/admin/users',
        '/admin/email',
      ])
        expect([403, 404]).toContain((await get(who, path)).status);
    }
  });

  it('no page or file of a viewer names a person', async () => {
    const paths = [
      '/admin/cakupan/provinsi/62',
      '/admin/cakupan/kabupaten/62.02',
      '/admin/cakupan/kabupaten/62.02/kecamatan/62.02.01',
      '/admin/cakupan/ekspor/kabupaten-62.02.csv',
      '/admin/cakupan/ekspor/belum-62.02.csv',
      '/admin/cakupan/ekspor/provinsi-62.csv',
    ];
    for (const path of paths) {
      const text = await (await get('province', path)).text();
      expect(text).not.toContain(contactName);
      expect(text).not.toMatch(/\+62\d{6}/);
      expect(text).not.toContain('Pengurus 99001');
    }
  });

  it('a national viewer sees every province aggregated, with the figures the counters hold', async () => {
    const html = await (await get('national', '/admin/cakupan')).text();
    expect(html).toContain('Kalimantan Tengah');
    expect(html).toContain('Kalimantan Timur');
    const csv = await (await get('national', '/admin/cakupan/ekspor/nasional.csv')).text();
    const kalteng = csv.split('\r\n').find((line) => line.startsWith('62,'));
    // Kobar and Kotim in the directory, one cooperative registered, one session planned.
    expect(kalteng?.split(',').slice(2)).toEqual(expect.arrayContaining(['1']));
    const pdf = await get('national', '/admin/cakupan/ringkasan-bulanan.pdf?bulan=2025-10');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('organizers and Business Assistants see nothing new', async () => {
    for (const who of ['organizer', 'ba'])
      for (const path of [
        '/admin/cakupan',
        '/admin/cakupan/provinsi/62',
        '/admin/cakupan/ekspor/nasional.csv',
      ])
        expect((await get(who, path)).status).toBe(403);
  });
});
