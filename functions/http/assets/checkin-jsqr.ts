import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The browser build of `jsqr` (a UMD script that defines `window.jsQR`), served as a fingerprinted asset that the
 * check-in page loads only on phones without `BarcodeDetector`.
 *
 * Two ways to get its text, because the same module runs in two worlds:
 * - under tsx and vitest (local server, tests) the package is in node_modules: resolve it and read the file;
 * - in the Lambda bundle there is no node_modules, but esbuild inlines a dynamic import that carries
 *   `with { type: 'text' }` as a string. Node itself refuses that attribute, so locally the import throws and
 *   the file read above has already answered.
 * If neither works the asset is empty and the page uses BarcodeDetector (Android Chrome) or the scanner field.
 */
async function loadJsQr(): Promise<string> {
  try {
    return readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');
  } catch {
    // Lambda bundle: fall through to the text import esbuild inlined.
  }
  try {
    // @ts-expect-error TypeScript has no declaration for a script imported as text.
    const text: unknown = (await import('jsqr/dist/jsQR.js', { with: { type: 'text' } })).default;
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

export const jsQrScript = await loadJsQr();
