import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app';
import { launchBrowser, serveApp } from '../helpers/browser';
import { at, codeOf, linkOf, seedOutreachWorld } from './world';

let world: Awaited<ReturnType<typeof seedOutreachWorld>>;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  world = await seedOutreachWorld();
  // The public side only checks codes, by their hash; it never derives one.
  server = await serveApp(createApp({ store: world.store, config: { runtime: 'test' } }) as never);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('keeps the invited cooperative locked across a reload and a validation error, then registers it', async () => {
  const coop = at(world.invited, 3);
  const code = codeOf(await linkOf(world, coop.id));
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/acara/${world.event.id}/daftar?undangan=${code}`);

  const locked = page.locator('[data-invited-cooperative]');
  await locked.getByText(coop.name).waitFor();
  expect(await page.locator('input[name="cooperativeId"][type="radio"]').count()).toBe(0);
  expect(await page.locator('[data-coop-search]').count()).toBe(0);

  await page.reload();
  await locked.getByText(coop.name).waitFor();
  expect(await page.locator('input[name="cooperativeId"]').getAttribute('value')).toBe(coop.id);

  // A wrong phone: the server answers with the errors, and the cooperative is still the invited one.
  await page.locator('[name="contact.name"]').fill('Siti Aminah');
  await page.locator('[name="contact.phone"]').fill('12345');
  await page.locator('[name="participants.0.name"]').fill('Budi Santoso');
  await page.getByLabel('Saya setuju').check();
  await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
  await page.locator('[role="alert"]').first().waitFor();
  await locked.getByText(coop.name).waitFor();
  expect(page.url()).toContain(`undangan=${code}`);

  // Reloading that address (a GET of the same link) shows the locked form again.
  await page.goto(page.url());
  await locked.getByText(coop.name).waitFor();

  await page.locator('[name="contact.name"]').fill('Siti Aminah');
  await page.locator('[name="contact.phone"]').fill('0812 3456 7890');
  await page.locator('[name="participants.0.name"]').fill('Budi Santoso');
  await page.getByLabel('Saya setuju').check();
  await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
  await page.getByRole('heading', { name: 'Tiket peserta siap' }).waitFor();

  const registrations = await world.store.registrations.listByEvent(world.event.id);
  expect(registrations.map((r) => r.cooperativeId)).toEqual([coop.id]);
  expect((await world.store.invitations.get(world.event.id, coop.id))?.openedAt).toBeTruthy();
});
