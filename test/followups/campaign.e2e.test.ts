import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCampaignRunner } from '../../functions/followups/runner';
import { createApp } from '../../functions/http/app';
import { createDevRoutes } from '../../functions/local/dev-routes';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { SESSION_SECRET, signInSecret } from '../admin/helpers';
import { launchBrowser, serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { type FollowupWorld, moveSession, seedFollowupWorld } from './world';

let world: FollowupWorld;
let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  world = await seedFollowupWorld();
  store = world.store;
  // The session ended an hour ago.
  const now = Date.now();
  world.event = await moveSession(
    store,
    world.event,
    new Date(now - 4 * 3_600_000),
    new Date(now - 3_600_000),
  );
  server = await serveApp(
    createApp({
      store,
      config: { runtime: 'test', sessionSecret: SESSION_SECRET },
      devRoutes: createDevRoutes(store),
    }) as never,
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an organizer schedules thanks 1 minute after a past session end; the runner and worker deliver them to /dev/outbox', async () => {
  const page = await browser.context.newPage();
  // Sign in through the real flow: request a link, open it.
  const requested = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: world.organizer.email }),
  });
  expect(requested.status).toBe(202);
  await page.goto(
    `${server.url}/auth/verify?token=${encodeURIComponent((await signInSecret(store, world.organizer.email)) as string)}`,
  );

  await page.goto(`${server.url}/admin/acara/${world.event.id}/tindak-lanjut`);
  await page.getByRole('heading', { name: /^Tindak lanjut:/ }).waitFor();
  await page.getByLabel('Templat').selectOption('thanks');
  await page.getByLabel('Penerima', { exact: true }).selectOption('attended');
  await page.getByLabel('Jenis waktu').selectOption('relative');
  await page.getByLabel('Patokan', { exact: true }).selectOption('end');
  await page.getByLabel('Menit setelah patokan').fill('1');
  await page.getByLabel('Nama (opsional)').fill('Terima kasih peserta');
  await page.getByRole('button', { name: 'Jadwalkan' }).click();
  await page.getByRole('link', { name: 'Terima kasih peserta' }).waitFor();
  expect(await page.locator('main').textContent()).toContain('1 menit setelah sesi selesai');

  // The campaign page shows the audience size and a preview before anything is sent.
  await page.getByRole('link', { name: 'Terima kasih peserta' }).click();
  await page.getByRole('heading', { name: 'Penerima jika dikirim sekarang: 4' }).waitFor();
  await page.frameLocator('iframe.mail').getByText('Sertifikat kehadiran').waitFor();

  // What the timer in `npm start` (or EventBridge Scheduler in AWS) does, then the email worker.
  const runs = await createCampaignRunner(store).tick();
  expect(runs.map((r) => r.result.outcome)).toContain('done');
  const worker = createOutboxWorker({
    store,
    transport: createLocalOutboxTransport(store.devMail),
    mail: { baseUrl: server.url, from: 'hadir <noreply@hadir.test>' },
  });
  while ((await worker.drain()).processed > 0);

  await page.goto(`${server.url}/dev/outbox`);
  const thanks = page.getByRole('link', { name: /^Terima kasih atas kehadiran Anda: / });
  expect(await thanks.count()).toBe(4);
  await thanks.first().click();
  const frame = page.frameLocator('iframe.mail');
  await frame.getByText('Sertifikat kehadiran').waitFor();
  const certificateLinks = await frame
    .locator('a[href$="/sertifikat.pdf"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(certificateLinks.length).toBeGreaterThan(0);
  const pdf = await fetch(certificateLinks[0] as string);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');

  // Progress in the console: four sent.
  await page.goto(`${server.url}/admin/acara/${world.event.id}/tindak-lanjut`);
  expect(
    await page.locator('tr', { hasText: 'Terima kasih peserta' }).locator('.progress').textContent(),
  ).toContain('terkirim 4');
}, 90_000);
