/**
 * The check-in page's service worker, served from /checkin/sw.js (scope /checkin/) so that a phone at a door
 * without network can still open the page it opened before.
 *
 * - Fingerprinted assets (/assets/*) are immutable: cache first, fetched once. The page's own assets are
 *   precached at install; others (the lazily loaded QR decoder) are cached when first fetched.
 * - Check-in pages (/checkin/<event>): network first, so a deploy or a revoked station takes effect at once;
 *   the copy kept from the last good answer is served when the network fails.
 * - The API is never cached here: the page keeps the roster and the scan queue in IndexedDB itself.
 *
 * CHECKIN_SW is fixed when the worker is built (functions/http/assets/client-scripts.ts): its version changes
 * whenever an asset changes, so the browser installs the new worker, and activation drops the asset caches of
 * older versions.
 */
import { assetCacheName, isAssetRequest, isOldAssetCache, isPageRequest, PAGES_CACHE } from './sw-routes';

declare const CHECKIN_SW: { version: string; precache: string[] };

/** The few service-worker types used here (the WebWorker lib cannot be loaded next to the DOM lib). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
type WorkerScope = {
  location: Location;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

const worker = self as unknown as WorkerScope;
const ASSETS = assetCacheName(CHECKIN_SW.version);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(CHECKIN_SW.precache))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => isOldAssetCache(key, ASSETS)).map((key) => caches.delete(key))),
      )
      .then(() => worker.clients.claim()),
  );
});

/** A copy of a good answer goes into the cache, without making the page wait for it. */
const keep = (cacheName: string, key: RequestInfo, response: Response) => {
  if (!response.ok) return;
  const copy = response.clone();
  void caches.open(cacheName).then((cache) => cache.put(key, copy));
};

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (isAssetRequest(url)) {
    event.respondWith(
      caches.match(request, { ignoreSearch: true }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            keep(ASSETS, request, response);
            return response;
          }),
      ),
    );
    return;
  }
  if (isPageRequest(url, request.mode)) {
    const key = url.origin + url.pathname;
    event.respondWith(
      fetch(request)
        .then((response) => {
          keep(PAGES_CACHE, key, response);
          return response;
        })
        .catch(() => caches.match(key, { ignoreVary: true }).then((hit) => hit || Response.error())),
    );
  }
});
