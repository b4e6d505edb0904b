import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../functions/domain/accounts';
import { createApp } from '../../functions/http/app';
import { createDevRoutes } from '../../functions/local/dev-routes';
import { createLocalOutboxTransport } from '../../functions/mail/local-outbox-transport';
import { createOutboxWorker } from '../../functions/mail/outbox-worker';
import { createRegistrationService } from '../../functions/services/registrations';
import { launchBrowser, serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';
import { makeUser, ORG, SESSION_SECRET, seedOrganisations } from './helpers';

let store: TestStore;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let organizer: User;
const event = makeEvent({ title: 'Sosialisasi KDKMP Baamang (uji konsol)', organisationId: ORG.id });

beforeAll(async () => {
  store = await createTestStore();
  await seedKotim(store);
  await seedOrganisations(store);
  organizer = await makeUser(store, 'organizer');
  await store.events.put(event);
  await createRegistrationService(store).register(event.id, registrationBody('62.02.05.1001', 2, 9100), {
    language: 'id',
  });
  const app = createApp({
    store,
    config: { runtime: 'test', sessionSecret: SESSION_SECRET },
    devRoutes: createDevRoutes(store),
  });
  server = await serveApp(app as never);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the email worker delivered, read the way a developer does: /dev/outbox.json. */
async function signInLinkFromOutbox(email: string): Promise<string> {
  const worker = createOutboxWorker({
    store,
    transport: createLocalOutboxTransport(store.devMail),
    mail: { baseUrl: server.url, from: 'hadir <noreply@hadir.test>' },
  });
  await worker.drain();
  const { messages } = await (await fetch(`${server.url}/dev/outbox.json`)).json();
  const mail = messages.find((m: { to: string[] }) => m.to.includes(email));
  const link = (mail?.text as string | undefined)?.match(
    /https?:\/\/\S+\/auth\/verify\?token=[A-Za-z0-9_-]+/,
  )?.[0];
  if (!link) throw new Error('no sign-in link in the outbox');
  return link;
}

it('an organizer signs in with the emailed link, sees the session, creates a station and signs out', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/admin`);
  await page.getByRole('heading', { name: 'Masuk ke konsol penyelenggara' }).waitFor();
  await page.getByLabel('Email').fill(organizer.email);
  await page.getByRole('button', { name: 'Kirim tautan masuk' }).click();
  await page.getByRole('heading', { name: 'Periksa email Anda' }).waitFor();

  const link = await signInLinkFromOutbox(organizer.email);
  await page.goto(link);
  await page.getByRole('heading', { name: 'Kegiatan' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/admin');
  const cookie = (await browser.context.cookies()).find((c) => c.name === 'hadir_session');
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });

  await page.getByRole('link', { name: event.title }).click();
  await page.getByRole('heading', { name: event.title }).waitFor();
  const main = (await page.locator('main').textContent()) ?? '';
  expect(main).toContain('2 dari 400 kursi terisi');
  expect(main).toContain('Koperasi Kelurahan Merah Putih');
  expect(main).toContain('Koperasi undangan yang belum mendaftar');

  await page.getByRole('link', { name: 'Stasiun check-in' }).click();
  await page.getByLabel('Nama stasiun').fill('Pintu 1');
  await page.getByRole('button', { name: 'Buat stasiun' }).click();
  await page.locator('.qr svg').waitFor();
  const stationLink = await page.locator('.station-link a').textContent();
  expect(stationLink).toMatch(/\/checkin\/enrol\?token=[A-Za-z0-9_-]{43}$/);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByRole('heading', { name: 'Masuk ke konsol penyelenggara' }).waitFor();
  await page.goto(`${server.url}/admin`);
  expect(new URL(page.url()).pathname).toBe('/masuk');

  // The link worked once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(400);
  expect(await page.locator('main').textContent()).toContain('Tautan masuk tidak berlaku lagi');
}, 90_000);
