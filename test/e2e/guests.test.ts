import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import { createApp } from '../../functions/http/app';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations, signInSecret } from '../admin/helpers';
import { keepScreenshot, launchPhone, seriousViolations } from '../helpers/a11y';
import { serveApp } from '../helpers/browser';
import { createTestStore, makeEvent } from '../helpers/store';

/**
 * The guest page as an organizer and the protocol staff use it, on a 360 px phone and a 1280 px desktop: add a
 * speaker, mark them present, upload their slides. With HADIR_SCREENSHOTS set, screenshots are kept for a person to look at.
 */
let store: Awaited<ReturnType<typeof createTestStore>>;
let server: Awaited<ReturnType<typeof serveApp>>;
let phone: Awaited<ReturnType<typeof launchPhone>>;
let organizer: User;
const event = makeEvent({ organisationId: ORG.id, title: 'Sosialisasi KDKMP Kecamatan Baamang' });

beforeAll(async () => {
  store = await createTestStore();
  await seedOrganisations(store);
  await store.events.put(event);
  organizer = await makeUser(store, 'organizer', ORG.id, { name: 'Rina Organizer' });
  await store.guests.add({
    id: 'bupatikotim0001',
    eventId: event.id,
    name: 'H. Halikinnor, S.H., M.M.',
    position: 'Bupati',
    institution: 'Kabupaten Kotawaringin Timur',
    role: 'pembuka',
    order: 1,
  });
  server = await serveApp(
    createApp({ store, config: { runtime: 'test', sessionSecret: SESSION_SECRET } }) as never,
  );
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

it('an organizer adds a speaker, marks them present and uploads their slides, on a phone and a desktop', async () => {
  const page = await phone.context.newPage();
  await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: organizer.email }),
  });
  await page.goto(
    `${server.url}/auth/verify?token=${encodeURIComponent((await signInSecret(store, organizer.email)) as string)}`,
  );
  await page.goto(`${server.url}/admin/acara/${event.id}`);
  await page.getByRole('link', { name: 'Tamu & narasumber' }).click();
  await page.getByRole('heading', { name: 'Tamu undangan & narasumber', level: 1 }).waitFor();
  await page.getByLabel('Nama lengkap dan gelar').fill('Dr. Ṣiti Nur’aini, S.E., M.Si.');
  await page.getByLabel('Jabatan').fill('Kepala Bidang Kelembagaan');
  await page.getByLabel('Instansi').fill('Dinas Koperasi dan UKM Provinsi Kalimantan Tengah');
  await page.getByLabel('Peran').selectOption('narasumber');
  await page.getByRole('button', { name: 'Tambah tamu' }).click();
  await page.getByText('Tersimpan.').waitFor();
  const cards = page.locator('[data-guest]');
  expect(await cards.count()).toBe(2);
  await page.getByRole('button', { name: 'Tandai hadir: Dr. Ṣiti Nur’aini, S.E., M.Si.' }).click();
  await page.locator('[data-present="true"]').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing wider than the phone: cards, not a table.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await keepScreenshot(page, 'guests-360', { fullPage: true });

  await page.getByRole('link', { name: 'Materi narasumber' }).click();
  await page.getByLabel('Judul materi').fill('Paparan tata kelola KDKMP');
  await page.getByLabel('Narasumber (opsional)').selectOption({ label: 'Dr. Ṣiti Nur’aini, S.E., M.Si.' });
  await page.getByLabel('Berkas').setInputFiles({
    name: 'paparan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% materi\n'),
  });
  await page.getByRole('button', { name: 'Unggah materi' }).click();
  await page.getByText('Materi diunggah.').waitFor();
  expect(await page.locator('[data-material]').count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await keepScreenshot(page, 'materials-360', { fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/admin/acara/${event.id}/tamu?lang=en`);
  await page.getByRole('heading', { name: 'Invited guests & speakers', level: 1 }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await keepScreenshot(page, 'guests-1280', { fullPage: true });
  await page.close();
});
