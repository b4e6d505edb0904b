import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSecret, newId, newSecret } from '../../functions/domain/tokens';
import { createApp } from '../../functions/http/app';
import { CAMERA_REPEAT_MS } from '../../functions/http/client/scan-repeat';
import { createRegistrationService } from '../../functions/services/registrations';
import { writeQrVideo } from '../fixtures/qr-video';
import { keepScreenshot, PHONE, seriousViolations } from '../helpers/a11y';
import { launchBrowser, serveApp } from '../helpers/browser';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent, registrationBody, seedKotim } from '../helpers/store';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let seed = 7000;

/** One table with the Kotim directory for the file; each door below is a session of its own in it. */
let world: Promise<{ store: TestStore; directory: Awaited<ReturnType<typeof seedKotim>> }> | undefined;
function kotim() {
  world ??= createTestStore().then(async (store) => ({ store, directory: await seedKotim(store) }));
  return world;
}

/**
 * A session under way (started an hour ago, unless it starts `startsInMs` from now), with enrolled door stations
 * and registered cooperatives, served on a loopback port as `npm start` does.
 */
async function door(stations: string[], cooperatives: number, officersEach: number, startsInMs = -3_600_000) {
  const { store, directory } = await kotim();
  const event = makeEvent({
    startsAt: new Date(Date.now() + startsInMs).toISOString(),
    endsAt: new Date(Date.now() + startsInMs + 4 * 3_600_000).toISOString(),
    registrationDeadline: new Date(Date.now() + startsInMs + 2 * 3_600_000).toISOString(),
    // The door's real rule, not the test default: check-ins only within the session's window.
    checkinAnyTime: false,
  });
  await store.events.put(event);
  const tokens: string[] = [];
  for (const name of stations) {
    const token = newSecret();
    await store.stations.create(
      { id: newId(), eventId: event.id, name, createdAt: new Date().toISOString(), createdBy: 'test' },
      hashSecret(token),
    );
    tokens.push(token);
  }
  const service = createRegistrationService(store);
  const officers = [];
  for (const cooperative of directory.slice(0, cooperatives)) {
    const { registration } = await service.register(
      event.id,
      registrationBody(cooperative.id, officersEach, seed++),
      { language: 'id' },
    );
    officers.push(...registration.participants);
  }
  const app = createApp({
    store,
    config: { runtime: 'test', sessionSecret: 'checkin-e2e-session-secret-0123456789' },
  });
  // Every request that reaches the server, to prove what the service worker answered on its own.
  const hits: string[] = [];
  const server = await serveApp({
    fetch: (request: Request) => {
      hits.push(`${request.method} ${new URL(request.url).pathname}`);
      return app.fetch(request);
    },
  } as never);
  cleanups.push(() => server.close());
  return { store, event, tokens, officers, server, hits };
}

async function browser() {
  const launched = await launchBrowser();
  cleanups.push(() => launched.close());
  return launched;
}

/**
 * A volunteer's cheap phone (360x740, touch) whose back camera films `video` in a loop, when one is given: a fake
 * camera is a launch flag, so that phone is a Chromium of its own.
 */
async function phoneWithCamera(video?: string) {
  const launched = await launchBrowser(
    video
      ? [
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
          '--autoplay-policy=no-user-gesture-required',
        ]
      : [],
    PHONE,
  );
  cleanups.push(() => launched.close());
  return launched.context;
}

/** A looping fake-camera video of a QR code holding `text`, in a folder removed after the run. */
async function qrVideo(text: string) {
  const folder = mkdtempSync(join(tmpdir(), 'hadir-qr-video-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, 'camera.y4m');
  await writeQrVideo(file, text);
  return file;
}

/** Whether the result box lies wholly inside the screen while the camera's preview is playing. */
const resultOnScreen = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-result]')?.getBoundingClientRect();
    const video = document.querySelector<HTMLVideoElement>('[data-video]');
    return {
      inside: Boolean(box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight),
      playing: Boolean(video && !video.hidden && !video.paused && video.readyState >= 2),
      box: box && { top: Math.round(box.top), bottom: Math.round(box.bottom) },
    };
  });

const screenshot = (page: Page, name: string) => keepScreenshot(page, `door-${name}`);

/** Opens the station's enrolment link, lands on the door page and waits until it is ready to work offline. */
async function enrol(page: Page, url: string, token: string, eventId: string) {
  await page.goto(`${url}/checkin/enrol?token=${encodeURIComponent(token)}`);
  expect(new URL(page.url()).pathname).toBe(`/checkin/${eventId}`);
  await page.locator('[data-checkin][data-ready="offline"]').waitFor();
}

const result = (page: Page) => page.locator('[data-result]');

async function scanTyped(page: Page, code: string) {
  const field = page.getByLabel('Pindai atau ketik kode tiket');
  await field.fill(code);
  await field.press('Enter');
}

describe('check-in at the door (Chromium)', () => {
  it('on a phone, scans a ticket through the camera and shows "Hadir" above the running camera, once for a ticket held in view', async () => {
    const { event, tokens, officers, server, store, hits } = await door(['Pintu 1'], 1, 2);
    const officer = officers[0];
    if (!officer) throw new Error('no officer');
    const context = await phoneWithCamera(await qrVideo(`${server.url}/t/${officer.ticketCode}`));
    // Counts the tones and vibrations the page gives, as a volunteer would hear and feel them.
    await context.addInitScript(() => {
      const felt = window as unknown as { buzzes: number; tones: number };
      felt.buzzes = 0;
      felt.tones = 0;
      navigator.vibrate = () => {
        felt.buzzes += 1;
        return true;
      };
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
        felt.tones += 1;
        return start.apply(this, args);
      };
    });
    const page = await context.newPage();
    await enrol(page, server.url, tokens[0] as string, event.id);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Pindai dengan kamera' }).click();
    await result(page).and(page.locator('[data-kind="ok"]')).waitFor({ timeout: 20_000 });
    const shown = await result(page).textContent();
    for (const part of ['Hadir', officer.name, 'Ketua', 'Desa/Kel.']) expect(shown).toContain(part);
    expect((await store.checkins.get(event.id, officer.id))?.station).toBe('Pintu 1');
    // Debian's Chromium has no BarcodeDetector backend on Linux: this exercised the lazily loaded jsQR.
    const native = await page.evaluate(async () => {
      const detector = (window as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } })
        .BarcodeDetector;
      return detector ? (await detector.getSupportedFormats()).includes('qr_code') : false;
    });
    expect(await page.locator('[data-checkin]').getAttribute('data-decoder')).toBe(
      native ? 'barcode-detector' : 'jsqr',
    );
    expect(await resultOnScreen(page)).toMatchObject({ inside: true, playing: true });
    await screenshot(page, 'camera-hadir');
    expect(await seriousViolations(page)).toEqual([]);

    // The volunteer leaves the ticket in front of the camera while talking to the officer, for longer than the
    // window in which sightings are one scan.
    await page.waitForTimeout(CAMERA_REPEAT_MS + 1_500);
    const posts = hits.filter((hit) => hit === `POST /api/events/${event.id}/checkins`);
    expect(posts).toHaveLength(1);
    expect(await store.checkins.listByEvent(event.id)).toHaveLength(1);
    expect(await result(page).getAttribute('data-kind')).toBe('ok');
    expect(await resultOnScreen(page)).toMatchObject({ inside: true, playing: true });
    // One beep and one buzz for the one scan.
    const felt = await page.evaluate(() => {
      const { buzzes, tones } = window as unknown as { buzzes: number; tones: number };
      return { buzzes, tones };
    });
    expect(felt).toEqual({ buzzes: 1, tones: 1 });
  }, 90_000);

  it('says "Bukan tiket hadir" for a QR code that is no ticket, on screen, and sends nothing', async () => {
    const { event, tokens, server, hits } = await door(['Pintu 1'], 1, 1);
    const context = await phoneWithCamera(await qrVideo('HELLO-123'));
    const page = await context.newPage();
    await enrol(page, server.url, tokens[0] as string, event.id);
    await page.getByRole('button', { name: 'Pindai dengan kamera' }).click();
    await result(page).and(page.locator('[data-kind="bad"]')).waitFor({ timeout: 20_000 });
    const shown = await result(page).textContent();
    expect(shown).toContain('Bukan tiket hadir');
    expect(shown).toContain('HELLO-123');
    expect(await resultOnScreen(page)).toMatchObject({ inside: true, playing: true });
    await screenshot(page, 'camera-bukan-tiket');
    expect(await seriousViolations(page)).toEqual([]);
    expect(hits.filter((hit) => hit.startsWith('POST'))).toEqual([]);

    // A web link typed or scanned into the field is no ticket either, in English too.
    await page.goto(`${server.url}/checkin/${event.id}?lang=en`);
    await page.locator('[data-checkin][data-ready]').waitFor();
    const field = page.getByLabel('Scan or type the ticket code');
    await field.fill('https://example.com/promo?id=7');
    await field.press('Enter');
    await result(page).getByText('Not a hadir ticket').waitFor();
  }, 90_000);

  it('offline, tells a ticket scanned before the door opens that check-in is not open yet, and queues nothing', async () => {
    const { event, tokens, officers, server } = await door(['Pintu 1'], 1, 1, 3 * 24 * 3_600_000);
    const officer = officers[0];
    if (!officer) throw new Error('no officer');
    const context = await phoneWithCamera();
    const page = await context.newPage();
    await enrol(page, server.url, tokens[0] as string, event.id);
    await context.setOffline(true);
    await page.locator('[data-checkin][data-online="no"]').waitFor();
    await scanTyped(page, officer.ticketCode);
    await result(page).and(page.locator('[data-kind="bad"]')).waitFor();
    const shown = await result(page).textContent();
    expect(shown).toContain('Check-in belum dibuka');
    expect(shown).toContain(officer.name);
    await screenshot(page, 'offline-belum-dibuka');
    expect(await page.locator('[data-checkin]').getAttribute('data-queue')).toBe('0');
  }, 60_000);

  it('keeps checking in offline, survives a reload without network, and syncs exactly those three', async () => {
    const { event, tokens, officers, server, store, hits } = await door(['Pintu 1'], 2, 3);
    const [first, second, third] = officers;
    if (!first || !second || !third) throw new Error('no officers');
    const { context } = await browser();
    const page = await context.newPage();
    await enrol(page, server.url, tokens[0] as string, event.id);
    await page
      .locator('[data-netbar]')
      .getByText(/6 peserta/)
      .waitFor();

    await context.setOffline(true);
    await page.locator('[data-checkin][data-online="no"]').waitFor();

    // A hardware scanner types the bare code; another reads the ticket URL from the QR.
    await scanTyped(page, first.ticketCode);
    await result(page).getByText(first.name).waitFor();
    expect(await result(page).getAttribute('data-kind')).toBe('ok');
    await scanTyped(page, `${server.url}/t/${second.ticketCode}`);
    await result(page).getByText(second.name).waitFor();
    expect(await result(page).getAttribute('data-kind')).toBe('ok');
    await page.locator('[data-netbar]').getByText('Offline — 2 scan menunggu').waitFor();

    // Reload with no network: the service worker serves the page, IndexedDB still holds roster and queue.
    const before = hits.length;
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.locator('[data-netbar]').getByText('Offline — 2 scan menunggu').waitFor();

    // Search by the cooperative's desa and the officer's name, check in from the list.
    await page.getByLabel(/Cari peserta/).fill(third.name);
    const row = page.locator(`[data-person="${third.id}"]`);
    await row.getByRole('button', { name: 'Catat hadir' }).click();
    await result(page).getByText(third.name).waitFor();
    expect(await result(page).getAttribute('data-kind')).toBe('ok');
    await page.locator('[data-netbar]').getByText('Offline — 3 scan menunggu').waitFor();

    // A second scan of someone already in is amber, and not queued again.
    await scanTyped(page, first.ticketCode);
    await result(page).and(page.locator('[data-kind="warn"]')).waitFor();
    expect(await result(page).textContent()).toMatch(/Sudah hadir pukul \d\d\.\d\d \(Pintu 1\)/);
    expect(await page.locator('[data-checkin]').getAttribute('data-queue')).toBe('3');
    expect(await store.checkins.listByEvent(event.id)).toHaveLength(0);
    // Nothing was sent while offline (a roster or attendance read started before the network went may still land).
    expect(hits.slice(before).filter((hit) => !hit.startsWith('GET '))).toEqual([]);

    await context.setOffline(false);
    await page.locator('[data-checkin][data-online="yes"][data-queue="0"]').waitFor({ timeout: 20_000 });
    const checkins = await store.checkins.listByEvent(event.id);
    expect(checkins.map((c) => c.participantId).sort()).toEqual([first.id, second.id, third.id].sort());
    expect(checkins.every((c) => c.station === 'Pintu 1' && c.clientId)).toBe(true);
  }, 90_000);

  it('takes a walk-in with no network from the cached cooperatives, and seats them once back online', async () => {
    const { event, tokens, server, store } = await door(['Pintu 1'], 1, 2);
    const [registered] = await store.registrations.listByEvent(event.id);
    const cooperative = (await store.cooperatives.listByRegency('62.02')).find(
      (c) => c.id !== registered?.cooperativeId,
    );
    if (!cooperative) throw new Error('no unregistered cooperative');
    const { context } = await browser();
    const page = await context.newPage();
    await enrol(page, server.url, tokens[0] as string, event.id);
    await context.setOffline(true);
    await page.locator('[data-checkin][data-online="no"]').waitFor();

    await page.getByText('Peserta tanpa pendaftaran (walk-in)').click();
    await page.getByLabel('Koperasi (ketik nama desa/kelurahan)').fill(cooperative.villageName);
    await page.locator(`[data-coop-list] input[value="${cooperative.id}"]`).check();
    await page.getByLabel('Nama lengkap').fill('Ibu Datang Tanpa Sinyal');
    await page.getByLabel('Jabatan').selectOption('sekretaris');
    const offlineAt = new Date().toISOString();
    await page.getByRole('button', { name: 'Catat walk-in dan hadirkan' }).click();
    await result(page).getByText('Ibu Datang Tanpa Sinyal').waitFor();
    expect(await result(page).getAttribute('data-kind')).toBe('ok');
    expect(await result(page).textContent()).toContain('Tersimpan di perangkat');
    expect(await page.locator('[data-checkin]').getAttribute('data-queue')).toBe('1');
    // Found by name at the door while still offline, already present.
    await page.getByLabel(/Cari peserta/).fill('Tanpa Sinyal');
    await page.locator('[data-person]').getByText('Ibu Datang Tanpa Sinyal').waitFor();
    expect(await store.registrations.listByEvent(event.id)).toHaveLength(1);

    await context.setOffline(false);
    await page.locator('[data-checkin][data-online="yes"][data-queue="0"]').waitFor({ timeout: 20_000 });
    const seated = (await store.registrations.listByEvent(event.id))
      .filter((r) => r.cooperativeId === cooperative.id)
      .flatMap((r) => r.participants);
    expect(seated.map((p) => [p.name, p.role, p.walkIn?.by])).toEqual([
      ['Ibu Datang Tanpa Sinyal', 'sekretaris', 'Pintu 1'],
    ]);
    const checkin = await store.checkins.get(event.id, seated[0]?.id as string);
    // Checked in when the door took them, not when the queue synced.
    expect(checkin?.checkedInAt && checkin.checkedInAt < new Date().toISOString()).toBe(true);
    expect(checkin?.checkedInAt && checkin.checkedInAt >= offlineAt.slice(0, 16)).toBe(true);
    expect(checkin?.scannedOffline).toBe(true);
  }, 90_000);

  it('two offline devices admit the same officer: one check-in on the server, one conflict reported', async () => {
    const { event, tokens, officers, server, store } = await door(['Pintu 1', 'Pintu 2'], 1, 2);
    const officer = officers[0];
    if (!officer) throw new Error('no officer');
    const devices = await Promise.all([browser(), browser()]);
    const pages = await Promise.all(devices.map(({ context }) => context.newPage()));
    for (const [index, page] of pages.entries()) {
      await enrol(page, server.url, tokens[index] as string, event.id);
      await devices[index]?.context.setOffline(true);
      await page.locator('[data-checkin][data-online="no"]').waitFor();
      await scanTyped(page, officer.ticketCode);
      await result(page).getByText(officer.name).waitFor();
      expect(await result(page).getAttribute('data-kind')).toBe('ok');
    }

    for (const [index, page] of pages.entries()) {
      await devices[index]?.context.setOffline(false);
      await page.locator('[data-checkin][data-online="yes"][data-queue="0"]').waitFor({ timeout: 20_000 });
    }
    expect(await store.checkins.listByEvent(event.id)).toHaveLength(1);

    const response = await fetch(`${server.url}/api/events/${event.id}/attendance`, {
      headers: { authorization: `Bearer ${tokens[0]}` },
    });
    const attendance = await response.json();
    expect(attendance.checkedIn).toBe(1);
    expect(attendance.conflicts).toHaveLength(1);
    expect(attendance.conflicts[0].participantId).toBe(officer.id);

    // The second device to sync shows the conflict to whoever is at the door.
    const conflicts = pages[1]?.locator('[data-conflicts]');
    await conflicts?.getByText(officer.name).waitFor();
    expect(await conflicts?.textContent()).toContain('Konflik scan');
  }, 90_000);
});
