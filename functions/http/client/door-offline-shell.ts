/// <reference lib="dom" />
import type { DoorConfig } from './door-types';
import { hasBarcodeDetector } from './qr-decoder';
import { PAGES_CACHE } from './sw-routes';

/**
 * Makes the page open again without network: asks the browser to keep this origin's storage, registers the
 * service worker, and caches this page (and the QR decoder where the phone will need it) while online.
 */
export async function prepareOffline(cfg: DoorConfig): Promise<void> {
  // Ask the browser not to evict the queue and roster under storage pressure (granted to installed PWAs).
  if (navigator.storage?.persist) navigator.storage.persist().catch(() => {});
  if (!('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register(cfg.sw, { scope: '/checkin/' });
  await navigator.serviceWorker.ready;
  if (navigator.onLine) {
    const cache = await caches.open(PAGES_CACHE);
    await cache.add(location.pathname);
    if (!(await hasBarcodeDetector()) && cfg.jsqr) await cache.add(cfg.jsqr);
  }
}
