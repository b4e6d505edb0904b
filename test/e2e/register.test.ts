import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app';
import { createDevRoutes } from '../../functions/local/dev-routes';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker, type OutboxWorker } from '../../functions/mail/outbox-worker';
import { launchBrowser, serveApp } from '../helpers/browser';
import { decodeQrPng } from '../helpers/qr';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, seedKotim } from '../helpers/store';

let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let worker: OutboxWorker;
const event = makeEvent({ title: 'Sosialisasi KDKMP Kotim (uji)' });

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await store.events.put(event);
  server = await serveApp(
    createApp({ store, config: { runtime: 'test' }, devRoutes: createDevRoutes(store) }) as never,
  );
  worker = createOutboxWorker({
    store,
    transport: createLocalOutboxTransport(store.devMail),
    mail: { baseUrl: server.url, from: 'hadir <noreply@hadir.test>' },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('a cooperative registers three officers through the form, opens a ticket and receives the confirmation email', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Daftarkan koperasi' }).first().click();

  // Search as you type: the list filters without a page load.
  await page.getByLabel('Cari nama desa/kelurahan').fill('pelangs');
  await page.getByLabel(/Koperasi Desa Merah Putih Pelangsian/).check();

  await page.locator('[name="contact.name"]').fill('Siti Aminah');
  await page.locator('[name="contact.phone"]').fill('0812 3456 7890');
  await page.locator('[name="contact.email"]').fill('siti.aminah@example.org');
  const officers = [
    ['Budi Santoso', 'ketua', '0813 1111 2222'],
    ['Rina Wati', 'sekretaris', '0813 1111 3333'],
    ['Ahmad Yani', 'bendahara', ''],
  ];
  for (const [index, [name, role, phone]] of officers.entries()) {
    await page.locator(`[name="participants.${index}.name"]`).fill(name as string);
    await page.locator(`[name="participants.${index}.role"]`).selectOption(role as string);
    await page.locator(`[name="participants.${index}.phone"]`).fill(phone as string);
  }
  await page.getByLabel('Saya setuju').check();
  await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();

  await page.getByRole('heading', { name: 'Tiket peserta siap' }).waitFor();
  expect(await page.locator('main').textContent()).toContain('Koperasi Desa Merah Putih Pelangsian');
  expect(await page.getByRole('link', { name: 'Buka tiket' }).count()).toBe(3);

  await page.getByRole('link', { name: 'Buka tiket' }).nth(1).click();
  await page.getByRole('heading', { name: 'Rina Wati' }).waitFor();
  expect(await page.locator('.qr svg').isVisible()).toBe(true);
  const share = await page.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href');
  expect(share).toMatch(/^https:\/\/wa\.me\/6281311113333\?text=/);

  const stored = await store.events.get(event.id, { consistent: true });
  expect(stored?.seatsTaken).toBe(3);

  // The confirmation reaches the contact's mailbox: here, the local outbox.
  await worker.drain();
  await page.goto(`${server.url}/dev/outbox`);
  await page.getByRole('link', { name: /^Pendaftaran diterima: Sosialisasi KDKMP Kotim/ }).click();
  const frame = page.frameLocator('iframe.mail');
  await frame.getByText('Rina Wati').first().waitFor();
  expect(await page.getByRole('link', { name: /sosialisasi\.ics/ }).count()).toBe(1);

  // The ticket QRs travel inside the email as inline images (cid:), which the outbox shows as its attachments;
  // each decodes to an officer's ticket URL.
  const qrSources = await frame
    .locator('img[src*="/attachments/"]')
    .evaluateAll((images) => images.map((image) => image.getAttribute('src') ?? ''));
  expect(qrSources).toHaveLength(3);
  const decoded = await Promise.all(
    qrSources.map(async (source) => {
      const png = await (await fetch(new URL(source, server.url))).arrayBuffer();
      return decodeQrPng(new Uint8Array(png));
    }),
  );
  for (const url of decoded) expect(url).toMatch(/\/t\/[0-9A-Z]{26}$/);
  expect(new Set(decoded).size).toBe(3);
}, 60_000);

it('a search typed before the page script runs (a slow phone) still filters the list once the script arrives', async () => {
  const page = await browser.context.newPage();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/register\.[0-9a-f]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}/acara/${event.id}/daftar`, { waitUntil: 'commit' });
  await page.getByLabel('Cari nama desa/kelurahan').fill('pelangs');
  // Typed, and nothing to filter with yet: the list still asks for a search.
  expect(await page.locator('[data-coop-choices] label').count()).toBe(0);
  release();
  await page.getByLabel(/Koperasi Desa Merah Putih Pelangsian/).waitFor();
  await expect.poll(() => page.locator('[data-coop-choices] label').count()).toBe(1);
});
