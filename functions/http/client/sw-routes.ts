/** Which requests the check-in service worker answers, and how its caches are named. No DOM, no worker API. */

/** Pages kept from the last good answer; one cache for all versions (a page names its assets). */
export const PAGES_CACHE = 'hadir-checkin-pages';
const ASSETS_PREFIX = 'hadir-checkin-assets-';

export function assetCacheName(version: string): string {
  return ASSETS_PREFIX + version;
}

/** An asset cache of an older worker, dropped when a new one activates. */
export function isOldAssetCache(name: string, current: string): boolean {
  return name.startsWith(ASSETS_PREFIX) && name !== current;
}

/** Fingerprinted assets: immutable under their name, so cache first. */
export function isAssetRequest(url: URL): boolean {
  return url.pathname.startsWith('/assets/');
}

/**
 * A door page or its manifest: network first with the cached copy as fallback. Not the enrolment link, which
 * carries a one-time token and must reach the server.
 */
export function isPageRequest(url: URL, mode: string): boolean {
  const isPage = mode === 'navigate' || url.pathname.endsWith('/manifest.webmanifest');
  return isPage && url.pathname.startsWith('/checkin/') && !url.pathname.startsWith('/checkin/enrol');
}
