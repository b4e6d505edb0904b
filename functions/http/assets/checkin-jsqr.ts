import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Asset } from './index';

/**
 * The browser build of `jsqr` (a UMD script that defines `window.jsQR`), served as a fingerprinted asset that the
 * check-in page loads only on phones without `BarcodeDetector`.
 *
 * It is 250 KiB of JavaScript the server never runs, so it stays out of the Lambda bundle (where it used to be
 * inlined as a string, parsed at every cold start): the bundling ships the file next to `index.mjs`
 * (`JSQR_BUNDLE_FILE`, copied by infra/constructs/hadir-function.ts), and it is read from disk the first time the
 * check-in page or the asset itself is asked for. Under tsx and vitest (`npm start`, tests) there is no such
 * file next to this module, and the package in node_modules answers instead.
 * If neither exists the asset is empty and the page uses BarcodeDetector (Android Chrome) or the scanner field.
 */
export const JSQR_BUNDLE_FILE = { name: 'jsqr.js', source: 'jsqr/dist/jsQR.js' } as const;

function readJsQr(): string {
  const places = [
    () => fileURLToPath(new URL(`./${JSQR_BUNDLE_FILE.name}`, import.meta.url)),
    // From a chunk (`chunks/`), should this module ever be split out of index.mjs.
    () => fileURLToPath(new URL(`../${JSQR_BUNDLE_FILE.name}`, import.meta.url)),
    () => createRequire(import.meta.url).resolve(JSQR_BUNDLE_FILE.source),
  ];
  for (const place of places) {
    try {
      return readFileSync(place(), 'utf8');
    } catch {
      // not there: try the next place
    }
  }
  return '';
}

let jsQr: Asset | undefined;

/** The decoder's body and fingerprinted path (`''` when it is missing), read once per process on first use. */
export function jsQrAsset(): Asset {
  if (!jsQr) {
    const body = readJsQr();
    const fingerprint = createHash('sha256').update(body).digest('hex').slice(0, 10);
    jsQr = {
      path: body ? `/assets/jsqr.${fingerprint}.js` : '',
      body,
      type: 'text/javascript; charset=utf-8',
    };
  }
  return jsQr;
}

/** The route that serves it: any fingerprint matches the pattern, only the current one answers. */
export const JSQR_ROUTE = '/assets/:file{jsqr\\.[0-9a-f]{10}\\.js}';
