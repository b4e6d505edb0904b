import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as esbuild from 'esbuild';
import { fingerprint } from './fingerprint';

/**
 * The browser scripts (functions/http/client/), bundled by esbuild into one minified file each, for the cheap
 * Android phones at the doors (ES2019). Built in memory on first use under `npm start` and the tests, and at synth
 * into files shipped next to the public function's bundle (infra/constructs/bundle.ts), so the Lambda only reads
 * them.
 */
export const CLIENT_SCRIPTS = {
  register: { entry: 'register-form.ts', file: 'client/register.js', asset: 'register' },
  door: { entry: 'door.ts', file: 'client/checkin.js', asset: 'checkin' },
  /** Tanya jawab: the phone's ask page and the projector's board. */
  questions: { entry: 'questions.ts', file: 'client/questions.js', asset: 'questions' },
  /** Not fingerprinted: a service worker is looked for at the same URL (functions/http/routes/checkin-pages.tsx). */
  checkinSw: { entry: 'checkin-sw.ts', file: 'client/checkin-sw.js', asset: '' },
} as const;

export type ClientScriptName = keyof typeof CLIENT_SCRIPTS;

/** A fingerprinted script's path: `/assets/<name>.<fingerprint>.js`. */
export const scriptPath = (name: ClientScriptName, body: string) =>
  `/assets/${CLIENT_SCRIPTS[name].asset}.${fingerprint(body)}.js`;

/**
 * esbuild, required at run time and only when a script is built: never part of a Lambda bundle (esbuild does not
 * follow a `require` made by createRequire), where the scripts are files.
 */
const loadEsbuild = (): typeof esbuild => createRequire(import.meta.url)('esbuild');

/**
 * Builds every script. The service worker is built last, with what it precaches fixed in it: `pageAssets` (the
 * door page's stylesheets) and the door script's path; its version is their hash, so a changed asset installs a
 * new worker.
 */
export function buildClientScripts(pageAssets: readonly string[]): Record<ClientScriptName, string> {
  const { buildSync } = loadEsbuild();
  const clientDir = fileURLToPath(new URL('../client/', import.meta.url));
  const build = (entryPoints: Record<string, string>, define?: Record<string, string>) => {
    const { outputFiles } = buildSync({
      absWorkingDir: clientDir,
      entryPoints,
      outdir: 'out',
      bundle: true,
      write: false,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2019',
      legalComments: 'none',
      define,
      logLevel: 'warning',
    });
    return (name: string) => outputFiles.find((file) => file.path.endsWith(`/out/${name}.js`))?.text ?? '';
  };
  const pages = build({
    register: CLIENT_SCRIPTS.register.entry,
    door: CLIENT_SCRIPTS.door.entry,
    questions: CLIENT_SCRIPTS.questions.entry,
  });
  const door = pages('door');
  const precache = [...pageAssets, scriptPath('door', door)];
  const settings = { version: fingerprint(precache.join('\n')), precache };
  const worker = build(
    { checkinSw: CLIENT_SCRIPTS.checkinSw.entry },
    { CHECKIN_SW: JSON.stringify(settings) },
  );
  return { register: pages('register'), door, questions: pages('questions'), checkinSw: worker('checkinSw') };
}
