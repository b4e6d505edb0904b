import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { coverageChangeOf } from '../../functions/db/table-changes';
import type { Cooperative } from '../../functions/domain/schemas';
import { loadRegencyDirectory } from '../../functions/local/area-directory';
import { createTableStreamReader } from '../../functions/local/table-stream';
import { createCheckinService } from '../../functions/services/checkins';
import { createCoverageService } from '../../functions/services/coverage';
import { createRegistrationService } from '../../functions/services/registrations';
import { createConsoleApp, makeUser, signIn } from '../admin/helpers';
import { serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, testDynamoEndpoint } from '../helpers/store';

/**
 * A national viewer in Chromium: from the national page to Kalimantan Tengah, to Kotawaringin Timur, to one of its
 * kecamatan and its unreached cooperatives, with the figures the stream put in the counters after a registration
 * and a check-in, on a phone and on a laptop.
 */

let store: TestStore;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let cookie: string;
let briefed: Cooperative;
let registeredOnly: Cooperative;
let directorySize: number;
const kecamatan = '62.02.05';

beforeAll(async () => {
  store = await createTestStore({ stream: true });
  const kotim = await loadRegencyDirectory('62.02');
  const kukar = await loadRegencyDirectory('64.02');
  for (const d of [kotim, kukar]) await store.cooperatives.importRegency(d.regency, d.cooperatives);
  const inKecamatan = kotim.cooperatives.filter((c) => c.districtCode === kecamatan);
  directorySize = kotim.cooperatives.length;
  briefed = inKecamatan[0] as Cooperative;
  registeredOnly = inKecamatan[1] as Cooperative;
  const event = makeEvent({ checkinAnyTime: true } as never);
  await store.events.put(event);
  const registrations = createRegistrationService(store);
  const first = await registrations.register(event.id, registrationBody(briefed.id, 2, 88_001), {
    language: 'id',
  });
  await registrations.register(event.id, registrationBody(registeredOnly.id, 1, 88_002), { language: 'id' });
  await createCheckinService(store).checkIn(
    event.id,
    { participantId: first.registration.participants[0]?.id as string },
    'Pintu 1',
  );
  // The table's stream, read as `npm start` reads it, moves the counters.
  const coverage = createCoverageService(store);
  await createTableStreamReader(testDynamoEndpoint(), store.tableName).drain(async (records) => {
    for (const record of records) {
      const change = coverageChangeOf(record);
      if (change) await coverage.apply(change);
    }
  });
  const app = createConsoleApp(store);
  cookie = await signIn(app, store, (await makeUser(store, 'national_viewer', 'kemenkop')).email);
  server = await serveApp(app as never);
  browser = await chromium.connect(inject('chromiumEndpoint'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('coverage pages in Chromium', () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    it(`national → province → regency → kecamatan → unreached list at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/admin/cakupan`);
      await expect.poll(() => page.locator('h1').textContent()).toContain('Indonesia');
      const kalteng = page.locator('tbody tr', { hasText: 'Kalimantan Tengah' });
      // Kotim's directory, one cooperative briefed, another registered only, one session planned.
      const cells = await kalteng.locator('td').allTextContents();
      expect(cells[0]).toBe(new Intl.NumberFormat('id-ID').format(directorySize));
      expect(cells[1]).toMatch(/^2 · /);
      expect(cells[2]).toMatch(/^1 · /);
      expect(cells[4]).toBe('1');
      // The tile map leads to the same province as the table.
      expect(await page.locator('.map a[href="/admin/cakupan/provinsi/62"]').count()).toBe(1);
      await kalteng.getByRole('link', { name: 'Kalimantan Tengah' }).click();
      await page.waitForURL('**/admin/cakupan/provinsi/62');
      await page.getByRole('link', { name: 'Kabupaten Kotawaringin Timur' }).click();
      await page.waitForURL('**/admin/cakupan/kabupaten/62.02');
      const baamang = page.locator('tbody tr', { hasText: 'Baamang' }).first();
      await baamang.getByRole('link').click();
      await page.waitForURL(`**/admin/cakupan/kabupaten/62.02/kecamatan/${kecamatan}`);
      const unreached = page.locator('section[aria-labelledby="unreached"]');
      await expect.poll(() => unreached.locator('h2').textContent()).toContain('belum tersosialisasi');
      const rows = await unreached.locator('tbody tr').allTextContents();
      const inKecamatan = (await store.cooperatives.listByRegency('62.02')).filter(
        (c) => c.districtCode === kecamatan,
      );
      expect(rows).toHaveLength(inKecamatan.length - 1);
      expect(rows.some((row) => row.includes(briefed.villageName))).toBe(false);
      expect(rows.find((row) => row.includes(registeredOnly.villageName))).toContain(
        'Terdaftar, belum hadir',
      );
      // Nothing sticks out sideways: the tables scroll inside their own box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }, 120_000);
  }
});
