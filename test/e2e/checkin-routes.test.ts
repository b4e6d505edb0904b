import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newId, newSecret } from '../../functions/domain/tokens';
import { createApp } from '../../functions/http/app';
import { assets, checkinScriptAsset } from '../../functions/http/assets';
import { jsQrAsset } from '../../functions/http/assets/checkin-jsqr';
import type { TestStore } from '../helpers/store';
import { createTestStore, makeEvent } from '../helpers/store';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const event = makeEvent();
const token = newSecret();

beforeAll(async () => {
  store = await createTestStore();
  await store.events.put(event);
  await store.stations.create(
    {
      id: newId(),
      eventId: event.id,
      name: 'Pintu 3',
      createdAt: new Date().toISOString(),
      createdBy: 'test',
    },
    hashSecret(token),
  );
  app = createApp({
    store,
    config: { runtime: 'test', sessionSecret: 'checkin-routes-session-secret-0123456789' },
  });
});

describe('check-in page routes (no browser)', () => {
  it('enrols a station by its link: signed HttpOnly cookie, then the token leaves the address bar', async () => {
    const res = await app.request(`/checkin/enrol?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/checkin/${event.id}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hadir_station=/);
    expect(cookie).toMatch(/HttpOnly/i);

    const page = await app.request(`/checkin/${event.id}`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Pintu 3');
    expect(html).toContain((await checkinScriptAsset()).path);
    expect(html).toContain(`/checkin/${event.id}/manifest.webmanifest`);
    expect(html).not.toContain('<script>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses an unknown enrolment token and explains an unenrolled device', async () => {
    expect((await app.request('/checkin/enrol?token=nope')).status).toBe(404);
    const page = await app.request(`/checkin/${event.id}`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Perangkat ini belum terdaftar');
  });

  it('serves the service worker (stable URL, no-cache), the manifest and the assets it precaches', async () => {
    const sw = await app.request('/checkin/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const source = await sw.text();
    const script = await checkinScriptAsset();
    for (const path of [assets.css.path, assets.checkinCss.path, script.path]) {
      expect(source).toContain(path);
      expect((await app.request(path)).status).toBe(200);
    }
    expect(await (await app.request(script.path)).text()).toBe(script.body);
    expect((await app.request('/assets/checkin.0123456789.js')).status).toBe(404);
    const manifest = await (await app.request(`/checkin/${event.id}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({
      start_url: `/checkin/${event.id}`,
      scope: '/checkin/',
      display: 'standalone',
    });
    const decoder = await app.request(jsQrAsset().path);
    expect(decoder.headers.get('cache-control')).toContain('immutable');
    expect((await decoder.text()).length).toBeGreaterThan(100_000);
    // Another fingerprint (an old page's) is not served.
    expect((await app.request('/assets/jsqr.0123456789.js')).status).toBe(404);
  });
});
