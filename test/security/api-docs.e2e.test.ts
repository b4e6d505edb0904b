import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app';
import { launchBrowser, serveApp } from '../helpers/browser';
import { createTestStore } from '../helpers/store';

let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await serveApp(createTestApp(await createTestStore()) as never);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('Swagger UI renders the API from same-origin files under the strict policy, with no request leaving the host', async () => {
  const page = await browser.context.newPage();
  const origin = new URL(server.url).origin;
  const foreign: string[] = [];
  const refused: string[] = [];
  // Nothing may go to another host (a CDN, fonts, telemetry): on a machine without internet it would hang or fail.
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const response = await page.goto(`${server.url}/api/docs`);
  expect(response?.status()).toBe(200);
  await page
    .locator('.swagger-ui .info .title')
    .filter({ hasText: 'hadir API' })
    .waitFor({ timeout: 20_000 });
  await page.locator('.opblock-summary-path', { hasText: '/api/events' }).first().waitFor();
  expect(foreign).toEqual([]);
  expect(refused).toEqual([]);
  await page.close();
}, 60_000);
