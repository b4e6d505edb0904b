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
 * `version` changes whenever an asset changes (it is part of the script, so the browser installs the new
 * worker), and activation drops the asset caches of older versions.
 */
export function checkinServiceWorker(version: string, precache: string[]): string {
  return `'use strict';
const ASSETS = 'hadir-checkin-assets-${version}';
const PAGES = 'hadir-checkin-pages';
const PRECACHE = ${JSON.stringify(precache)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(ASSETS).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hadir-checkin-assets-') && k !== ASSETS).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
const pageKey = (url) => url.origin + url.pathname;
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(ASSETS).then((cache) => cache.put(request, copy));
        }
        return response;
      })),
    );
    return;
  }
  const isPage = request.mode === 'navigate' || url.pathname.endsWith('/manifest.webmanifest');
  if (isPage && url.pathname.startsWith('/checkin/') && !url.pathname.startsWith('/checkin/enrol')) {
    event.respondWith(
      fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(PAGES).then((cache) => cache.put(pageKey(url), copy));
        }
        return response;
      }).catch(() => caches.match(pageKey(url), { ignoreVary: true }).then((hit) => hit || Response.error())),
    );
  }
});
`;
}
