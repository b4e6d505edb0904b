import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app';
import { createDevRoutes } from '../../functions/local/dev-routes';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker, type OutboxWorker } from '../../functions/mail/outbox-worker';
import { keepScreenshot, launchPhone, seriousViolations } from '../helpers/a11y';
import { serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, seedKotim } from '../helpers/store';

/**
 * A cooperative contact on a 360x740 phone: an invited-only session, a form refused by the server, the tickets
 * after registering, a substitute, a lost manage link and erasure. Screenshots land outside the repository.
 */
let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let phone: Awaited<ReturnType<typeof launchPhone>>;
let worker: OutboxWorker;
const open = makeEvent({ title: 'Sosialisasi KDKMP Kotim (semua kecamatan)' });
const limited = makeEvent({
  title: 'Sosialisasi KDKMP Baamang dan Kota Besi',
  invitedDistrictCodes: ['62.02.05', '62.02.01'],
});

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await store.events.put(open);
  await store.events.put(limited);
  server = await serveApp(
    createApp({ store, config: { runtime: 'test' }, devRoutes: createDevRoutes(store) }) as never,
  );
  worker = createOutboxWorker({
    store,
    transport: createLocalOutboxTransport(store.devMail),
    mail: { baseUrl: server.url, from: 'hadir <noreply@hadir.test>' },
  });
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

/** The element lies inside the 360x740 screen as it is shown now (boxes are relative to the viewport). */
async function inView(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  const viewport = page.viewportSize() ?? { width: 360, height: 740 };
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
}

async function noSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

async function fillOfficers(page: Page, officers: [string, string, string][]) {
  for (const [index, [name, role, number]] of officers.entries()) {
    await page.locator(`[name="participants.${index}.name"]`).fill(name);
    await page.locator(`[name="participants.${index}.role"]`).selectOption(role);
    await page.locator(`[name="participants.${index}.phone"]`).fill(number);
  }
}

describe('public registration on a phone (Chromium, 360x740)', () => {
  it('an invited-only session says who is invited, offers only those cooperatives, and a refused one keeps the form', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${server.url}/acara/${limited.id}`);
    const invited = await page.locator('[data-invited]').textContent();
    expect(invited).toContain('Kecamatan Kota Besi dan Baamang');
    await noSeriousViolations(page);
    await keepScreenshot(page, 'invited-session');

    await page.getByRole('link', { name: 'Daftarkan koperasi' }).click();
    expect(await page.locator('[data-invited]').textContent()).toContain('Kota Besi dan Baamang');
    // Search as you type offers only the invited kecamatan: Cempaga's Patai is not among them.
    await page.getByLabel('Cari nama desa/kelurahan').fill('patai');
    await page.locator('[data-coop-choices] p.muted', { hasText: 'Tidak ada koperasi yang cocok' }).waitFor();
    await page.getByLabel('Cari nama desa/kelurahan').fill('baamang hilir');
    await page.getByLabel(/Baamang Hilir/).waitFor();
    expect(await page.locator('[data-coop-choices] input').count()).toBe(1);
    // The JSON the search box reads holds only invited cooperatives too.
    const api = await (
      await fetch(`${server.url}/api/cooperatives?q=patai&regency=62.02&event=${limited.id}`)
    ).json();
    expect(api.cooperatives).toEqual([]);

    // A page opened before the session was limited still lists Patai: submitting it is refused on the page.
    await page.evaluate(() => {
      const list = document.querySelector('[data-coop-choices]');
      const label = document.createElement('label');
      label.innerHTML =
        '<input type="radio" name="cooperativeId" value="62.02.02.2005" form="registration" checked> Koperasi Desa Merah Putih Patai';
      list?.replaceChildren(label);
    });
    await page.locator('[name="contact.name"]').fill('Yohana Patai');
    await page.locator('[name="contact.phone"]').fill('0812 7777 1111');
    await fillOfficers(page, [['Markus Patai', 'ketua', '']]);
    await page.getByLabel('Saya setuju').check();
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('tidak termasuk yang diundang');
    expect(await page.locator('[name="contact.name"]').inputValue()).toBe('Yohana Patai');
    expect(await page.locator('[name="participants.0.name"]').inputValue()).toBe('Markus Patai');
    expect(await page.getByLabel('Saya setuju').isChecked()).toBe(true);
    expect(await page.title()).not.toContain('tidak ditemukan');
    await keepScreenshot(page, 'invited-refused');
  });

  it('a form refused by the server shows a focused summary at the top linking to each field, and keeps everything typed', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${server.url}/acara/${open.id}/daftar`);
    await page.getByLabel('Cari nama desa/kelurahan').fill('pelangs');
    await page.getByLabel(/Koperasi Desa Merah Putih Pelangsian/).check();
    await page.locator('[name="contact.name"]').fill('Siti Aminah');
    await page.locator('[name="contact.phone"]').fill('0812-34');
    await page.locator('[name="contact.email"]').fill('siti.aminah@example.org');
    await fillOfficers(page, [
      ['Budi Santoso', 'ketua', '+62 0813 1111 2222'],
      ['budi  santoso', 'sekretaris', '0813.1111.3333'],
      ['Rina Wati', 'bendahara', '+62 0813 1111 2222'],
    ]);
    await page.getByLabel('Saya setuju').check();
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();

    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    // It has the focus (autofocus on tabindex=-1: no script needed) and sits on the first screen.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    await inView(page, '[data-error-summary]');
    await keepScreenshot(page, 'error-summary');
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      expect.stringMatching(/^Narahubung: Nomor HP\/WhatsApp: Nomor HP tidak valid/),
    ]);
    expect(await page.locator('[id="contact.phone-error"]').textContent()).toContain('Nomor HP tidak valid');
    // Everything typed is still there, the consent box included.
    expect(await page.locator('[name="contact.phone"]').inputValue()).toBe('0812-34');
    expect(await page.locator('[name="participants.1.name"]').inputValue()).toBe('budi  santoso');
    expect(await page.locator('[name="participants.2.phone"]').inputValue()).toBe('+62 0813 1111 2222');
    expect(await page.getByLabel('Saya setuju').isChecked()).toBe(true);
    expect(await page.getByLabel(/Pelangsian/).isChecked()).toBe(true);
    await noSeriousViolations(page);

    // The summary's link takes the user to the field.
    await links.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact.phone');

    // With the phone corrected, the server finds the same officer twice: by name, and by phone.
    await page.locator('[name="contact.phone"]').fill('+62 0812 3456 7890');
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      expect.stringMatching(/^Peserta 2: Nama lengkap: Pengurus dengan nama ini sudah diisi/),
      expect.stringMatching(/^Peserta 3: Nomor HP\/WhatsApp: Nomor HP yang sama/),
    ]);
    // Each message also sits beside its field, tied to it for screen readers.
    expect(await page.locator('[name="participants.1.name"]').getAttribute('aria-describedby')).toBe(
      'participants.1.name-error',
    );
    expect(await page.locator('[id="participants.1.name-error"]').textContent()).toContain('sudah diisi');
    expect(await page.getByLabel('Saya setuju').isChecked()).toBe(true);
    await inView(page, '[data-error-summary]');
    await keepScreenshot(page, 'error-summary-duplicates');
    await noSeriousViolations(page);

    // Corrected, in the ways people write numbers: accepted, and the tickets come first.
    await page.locator('[name="participants.1.name"]').fill('Rina Wati');
    await page.locator('[name="participants.2.name"]').fill('Ahmad Yani');
    await page.locator('[name="participants.2.phone"]').fill('62813 1111 4444');
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page.getByRole('heading', { name: 'Tiket peserta siap' }).waitFor();
    expect(await page.getByRole('link', { name: 'Buka tiket' }).count()).toBe(3);
    await inView(page, 'ul.tickets');
    await keepScreenshot(page, 'tickets-first');
    await noSeriousViolations(page);
    const registration = (await store.registrations.listByEvent(open.id))[0];
    expect(registration?.contact.phone).toBe('+6281234567890');
    expect(registration?.participants.map((p) => p.phone)).toEqual([
      '+6281311112222',
      '+6281311113333',
      '+6281311114444',
    ]);

    // "Ganti peserta": explicit, with the substitute's own name; the heading no longer says "received".
    await page.getByText('Ganti peserta (orang lain yang hadir)').nth(1).click();
    await page.locator('[name="participants.1.newName"]').fill('Dewi Lestari');
    await page.locator('[name="participants.1.newPhone"]').fill('0813 2222 5555');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('heading', { name: 'Kelola pendaftaran' }).waitFor();
    expect(await page.locator('.alert.ok').textContent()).toContain('Perubahan tersimpan');
    const names = await page.locator('ul.tickets li strong').allTextContents();
    expect(names).toEqual(['Budi Santoso', 'Dewi Lestari', 'Ahmad Yani']);
    const changed = await store.registrations.get(registration?.id as string);
    expect(changed?.participants[1]?.substituteFor).toBe('Rina Wati');
    expect(changed?.participants[1]?.id).not.toBe(registration?.participants[1]?.id);
    expect(changed?.participants[0]?.id).toBe(registration?.participants[0]?.id);
    await inView(page, 'ul.tickets');
    await keepScreenshot(page, 'after-substitute');
    await noSeriousViolations(page);
  });

  it('a contact who lost the manage link gets it again by email, and the answer is the same for anyone', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${server.url}/acara/${open.id}/daftar`);
    await page.getByRole('link', { name: /Kirim ulang tautan kelola/ }).click();
    await page.getByRole('heading', { name: 'Kirim ulang tautan kelola' }).waitFor();
    await noSeriousViolations(page);
    // A cooperative that never registered: the same answer.
    await page
      .getByLabel('Koperasi', { exact: true })
      .selectOption({ label: 'Koperasi Desa Merah Putih Patai' });
    await page.getByLabel('Nomor HP atau email narahubung').fill('0812 3456 7890');
    await page.getByRole('button', { name: 'Kirim ulang tautan' }).click();
    const unknown = await page.locator('[data-sent]').textContent();

    await page.goto(`${server.url}/acara/${open.id}/kirim-ulang`);
    await page
      .getByLabel('Koperasi', { exact: true })
      .selectOption({ label: 'Koperasi Desa Merah Putih Pelangsian' });
    await page.getByLabel('Nomor HP atau email narahubung').fill('+62 0812-3456-7890');
    await page.getByRole('button', { name: 'Kirim ulang tautan' }).click();
    await page.locator('[data-sent]').waitFor();
    expect(await page.locator('[data-sent]').textContent()).toBe(unknown);
    await inView(page, '[data-sent]');
    const share = await page.getByRole('link', { name: /lewat WhatsApp/ }).getAttribute('href');
    expect(decodeURIComponent(share ?? '')).toContain('Koperasi Desa Merah Putih Pelangsian');
    await keepScreenshot(page, 'lost-link-sent');
    await noSeriousViolations(page);

    // The email reaches the address on file, and its link opens the manage page.
    while ((await worker.drain()).processed > 0);
    await page.goto(`${server.url}/dev/outbox`);
    const mails = page.getByRole('link', { name: /^Tautan kelola pendaftaran: / });
    expect(await mails.count()).toBe(1);
    await mails.first().click();
    const href = await page
      .frameLocator('iframe.mail')
      .locator('a[href*="/kelola/"]')
      .first()
      .getAttribute('href');
    expect(href).toContain('token=');
    await page.goto(href as string);
    await page.getByRole('heading', { name: 'Kelola pendaftaran' }).waitFor();
  });

  it('the manage page offers a copy of the data, a correction and erasure with a confirmation step', async () => {
    const page = await phone.context.newPage();
    const registration = (await store.registrations.listByEvent(open.id))[0];
    const token = store.registrations.manageToken(registration?.id as string);
    const manage = `${server.url}/kelola/${registration?.id}?token=${encodeURIComponent(token)}`;
    await page.goto(manage);

    // A copy of everything held, as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh salinan data (JSON)' }).click(),
    ]);
    // Read through the connection: the shared Chromium keeps its downloads on its own side.
    const copy = await new Response(
      Readable.toWeb(await download.createReadStream()) as ReadableStream,
    ).json();
    expect(copy.registration.cooperativeName).toBe('Koperasi Desa Merah Putih Pelangsian');

    // A correction of the contact's details.
    await page.getByText('Perbaiki data narahubung').click();
    await page.locator('[name="contact.name"]').fill('Siti Aminah Rahayu');
    await page.getByRole('button', { name: 'Simpan data narahubung' }).click();
    await page.locator('.alert.ok').waitFor();
    expect((await store.registrations.get(registration?.id as string))?.contact.name).toBe(
      'Siti Aminah Rahayu',
    );

    // Erasure asks first; nothing happens without the tick.
    await page.getByRole('button', { name: 'Hapus data saya…' }).click();
    await page.getByRole('heading', { name: 'Hapus data pendaftaran?' }).waitFor();
    await inView(page, 'button.danger');
    await keepScreenshot(page, 'erase-confirm');
    await noSeriousViolations(page);
    expect((await store.registrations.get(registration?.id as string))?.status).toBe('confirmed');
    await page.getByLabel('Ya, saya mengerti dan ingin menghapus data ini').check();
    await page.getByRole('button', { name: 'Hapus data sekarang' }).click();
    await page.getByRole('heading', { name: 'Data telah dihapus' }).waitFor();
    await keepScreenshot(page, 'erased');
    await noSeriousViolations(page);
    const erased = await store.registrations.get(registration?.id as string);
    expect(erased?.status).toBe('cancelled');
    expect(JSON.stringify(erased)).not.toContain('Siti Aminah');
    expect((await store.events.get(open.id, { consistent: true }))?.seatsTaken).toBe(0);
  });
});
