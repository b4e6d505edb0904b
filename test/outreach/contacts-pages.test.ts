import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { createConsoleApp, ORG, signIn } from '../admin/helpers';
import { seedOutreachWorld } from './world';

let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
let app: ReturnType<typeof createConsoleApp>;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  world = await seedOutreachWorld();
  app = createConsoleApp(world.store);
  cookie = await signIn(app, world.store, world.organizer.email);
  const page = await app.request(`/admin/acara/${world.event.id}/undangan/kontak`, { headers: { cookie } });
  expect(page.status).toBe(200);
  csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
});

function upload(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) {
  const data = new FormData();
  data.set('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (file) data.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return app.request(`/admin/acara/${world.event.id}/undangan/kontak`, {
    method: 'POST',
    headers: { cookie, origin: 'http://localhost' },
    body: data,
  });
}

it('checks a CSV upload without saving, then saves its exact matches', async () => {
  const csv = 'Kode Desa,Nama Ketua,No HP\r\n62.02.05.1003,Ani Lestari,0812 3456 7001\r\n';
  const bytes = new TextEncoder().encode(`\uFEFF${csv}`);
  const checked = await upload({}, { name: 'kontak.csv', type: 'text/csv', bytes });
  expect(checked.status).toBe(200);
  expect(await checked.text()).toContain('1 cocok');
  expect(await world.store.contacts.get(ORG.id, '62.02.05.1003')).toBeUndefined();
  const saved = await upload({ apply: '1' }, { name: 'kontak.csv', type: 'text/csv', bytes });
  expect(await saved.text()).toContain('1 kontak disimpan');
  expect(await world.store.contacts.get(ORG.id, '62.02.05.1003')).toMatchObject({ phone: '+6281234567001' });
});

it('reads an XLSX whose phone column lost its leading zero, and reports bad rows by line', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kontak');
  sheet.addRow(['Nama Desa', 'Kecamatan', 'Nama Ketua', 'No HP', 'Email']);
  sheet.addRow(['Tanah Mas', 'Baamang', 'Dedi', 81234567002, 'dedi@example.org']);
  sheet.addRow(['Tinduk', 'Baamang', 'Eka', 'bukan nomor', '']);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const refused = await upload(
    { apply: '1' },
    { name: 'kontak.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes },
  );
  expect(refused.status).toBe(400);
  const html = await refused.text();
  expect(html).toContain('Baris 3');
  expect(html).toContain('tidak ada yang disimpan');
  expect(await world.store.contacts.get(ORG.id, '62.02.05.1007')).toBeUndefined();

  sheet.spliceRows(3, 1);
  const fixed = new Uint8Array(await workbook.xlsx.writeBuffer());
  const saved = await upload(
    { apply: '1' },
    {
      name: 'kontak.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: fixed,
    },
  );
  expect(saved.status).toBe(200);
  expect(await world.store.contacts.get(ORG.id, '62.02.05.1007')).toMatchObject({
    name: 'Dedi',
    phone: '+6281234567002',
    email: 'dedi@example.org',
  });
});

it('edits one contact by hand, only within the session regency', async () => {
  const edit = (cooperativeId: string) =>
    app.request(`/admin/acara/${world.event.id}/undangan/kontak/ubah`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrf,
        cooperativeId,
        name: 'Fajar',
        phone: '+62 813 0000 1111',
      }).toString(),
    });
  expect((await edit('62.02.05.1008')).status).toBe(303);
  expect(await world.store.contacts.get(ORG.id, '62.02.05.1008')).toMatchObject({
    name: 'Fajar',
    phone: '+6281300001111',
  });
  expect((await edit('62.01.01.2001')).status).toBe(404);
  const page = await app.request(`/admin/acara/${world.event.id}/undangan/kontak`, { headers: { cookie } });
  expect(await page.text()).toContain('0813-0000-1111');
});
