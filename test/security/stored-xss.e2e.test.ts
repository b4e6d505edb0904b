import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EventRecord } from '../../functions/domain/schemas';
import { createApp } from '../../functions/http/app';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { launchBrowser, serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, enrolTestStation, makeEvent } from '../helpers/store';

/**
 * The check-in page is the one page that renders names in the browser, from the roster JSON it caches for
 * offline use (stored-xss.test.ts checks the server-rendered outputs). In Chromium: officers registered with
 * markup in their names are searched for and checked in; nothing runs, no element is injected, and the names
 * show as the text they are.
 */
const hostile = [
  '"><img src=x onerror=alert(1)>Ani',
  '<script>alert(2)</script>Budi',
  '<svg onload=alert(3)>Citra',
] as const;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let store: TestStore;
let event: EventRecord;
let url = '';
let stationToken = '';
let registration: { id: string; participants: { id: string; name: string; ticketCode: string }[] };
let manageToken = '';

beforeAll(async () => {
  store = await createTestStore();
  const directory = await loadRegencyDirectory('62.02');
  const cooperatives = directory.cooperatives.slice(0, 3);
  await store.cooperatives.importRegency(directory.regency, cooperatives);
  event = makeEvent({
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await store.events.put(event);
  stationToken = await enrolTestStation(store, event.id);
  const app = createApp({
    store,
    config: { runtime: 'test', sessionSecret: 'stored-xss-e2e-session-secret-0123456789' },
  });
  const server = await serveApp(app as never);
  cleanups.push(server.close);
  url = server.url;
  const response = await fetch(`${url}/api/events/${event.id}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      cooperativeId: cooperatives[0]?.id,
      contact: { name: hostile[1], phone: '+6285200000001' },
      participants: hostile.map((name, index) => ({ name, role: 'ketua', phone: `+62812000000${index}` })),
      consent: true,
    }),
  });
  expect(response.status).toBe(201);
  ({ registration, manageToken } = await response.json());
}, 60_000);

it('the door page lists, searches and checks in officers with markup names as plain text', async () => {
  const { context, close } = await launchBrowser();
  cleanups.push(close);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${url}/checkin/enrol?token=${encodeURIComponent(stationToken)}`);
  await page.locator('[data-checkin][data-ready="offline"]').waitFor({ timeout: 30_000 });

  await page.getByLabel(/Cari peserta/).fill('alert');
  for (const officer of registration.participants) {
    const row = page.locator(`[data-person="${officer.id}"]`);
    await row.waitFor();
    expect(await row.locator('.name').textContent()).toBe(officer.name);
  }
  const first = registration.participants[0];
  await page.locator(`[data-person="${first?.id}"]`).getByRole('button', { name: 'Catat hadir' }).click();
  await page
    .locator('[data-result][data-kind="ok"]')
    .getByText(first?.name as string)
    .waitFor();

  const injected = await page.evaluate(() => ({
    elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
    inlineScripts: [...document.scripts].filter((script) => !script.src).map((script) => script.text),
  }));
  expect(injected.elements).toBe(0);
  expect(injected.inlineScripts.join('\n')).not.toContain('alert(');
  expect(dialogs).toEqual([]);
  // On a loaded machine the page may have answered from its roster and queued the scan: it syncs soon after.
  await expect
    .poll(async () => (await store.checkins.listByEvent(event.id)).map((c) => c.participantId), {
      timeout: 30_000,
    })
    .toEqual([first?.id]);
}, 90_000);

it('the ticket and manage pages show the names without running them', async () => {
  const { context, close } = await launchBrowser();
  cleanups.push(close);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  for (const officer of registration.participants) {
    await page.goto(`${url}/t/${officer.ticketCode}`);
    expect(await page.locator('h2').first().textContent()).toBe(officer.name);
  }
  await page.goto(`${url}/kelola/${registration.id}?token=${encodeURIComponent(manageToken)}`);
  // The officers' name fields (the contact's own correction form has a name field too).
  const values = await page
    .locator('input[name^="participants."][name$=".name"]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).filter(Boolean));
  expect(values).toEqual([...hostile]);
  expect(await page.locator('input[name="contact.name"]').inputValue()).toBe(hostile[1]);
  expect(
    await page.evaluate(() => document.querySelectorAll('[onerror], [onload], img[src="x"]').length),
  ).toBe(0);
  expect(dialogs).toEqual([]);
}, 60_000);
