import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, type Metafile } from 'esbuild';
import { clientScripts } from '../../functions/http/assets';
import { JSQR_BUNDLE_FILE } from '../../functions/http/assets/checkin-jsqr';
import { SWAGGER_UI_BUNDLE_FILES } from '../../functions/http/assets/swagger-ui';
import { PDF_FONT_BUNDLE_FILES } from '../../functions/reports/pdf-fonts';

/**
 * How every Lambda function is bundled: by HadirFunction at synth (infra/constructs/hadir-function.ts) and by
 * `npm run bench` (bench/cold-start.ts), with this one function, so the bench measures what AWS runs.
 */

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Only prettier, reached by react-email's unused `pretty` option. The AWS SDK clients still used (SES, SSM, S3) are
 * bundled although the runtime provides them: minified they load several times faster than from node_modules, and
 * the version is the one the tests ran against. DynamoDB needs none (functions/db/dynamo-http.ts).
 */
export const EXTERNAL_MODULES = ['prettier'];

/**
 * react-dom/server's entry loads React's streaming renderer next to the legacy one that has renderToStaticMarkup,
 * the only one the email templates use (emails/render.ts): 110 KiB and about 8 ms of the email workers' cold start.
 * The alias points at the legacy renderer's production build itself. @react-email/render's `render()`, which
 * would need the streaming one, is never called.
 */
export const ALIAS = {
  'react-dom/server': './node_modules/react-dom/cjs/react-dom-server-legacy.node.production.js',
};

/** Bundled CommonJS dependencies call require(), which an ES module lacks (the banner goes into every chunk). */
export const ESM_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** Stack traces in the logs point at our sources. */
export const NODE_OPTIONS = '--enable-source-maps';

/**
 * Lambda sets no NODE_ENV, so packages that choose their build by it (React, react-dom) would run their development
 * builds: twice the code to load and slower rendering. The bundle fixes the choice at build time.
 */
export const DEFINE = { 'process.env.NODE_ENV': '"production"' };

/**
 * Files a handler reads from next to its bundle at run time, by handler file name: `name` in the bundle directory,
 * `source` a path inside node_modules.
 */
export const HANDLER_FILES: Readonly<Record<string, readonly { name: string; source: string }[]>> = {
  // The check-in page's fallback QR decoder: served as a static asset, never run by the server.
  // The ticket saved to the phone is a PDF: DejaVu Sans, read with the first one made.
  'api.ts': [JSQR_BUNDLE_FILE, ...PDF_FONT_BUNDLE_FILES],
  // Swagger UI for /api/docs, pinned in package.json: served as static files, read when the page is first opened.
  // The reports, letters and certificates are PDFs in DejaVu Sans, read with the first one made.
  'console.ts': [...SWAGGER_UI_BUNDLE_FILES, ...PDF_FONT_BUNDLE_FILES],
};

/**
 * Files built for a handler and written next to its bundle, by handler file name: the browser scripts the public
 * function serves (functions/http/client/, built by esbuild here so the Lambda only reads them on first use).
 */
export const HANDLER_BUILT_FILES: Readonly<Record<string, () => { name: string; contents: string }[]>> = {
  'api.ts': () => clientScripts.files(),
};

export type BundleSizes = {
  /** The metafile's paths of `index.mjs` and the chunks it imports statically. */
  initialOutputs: string[];
  /** `index.mjs` and the chunks it imports statically: the code a cold start loads and evaluates. */
  initialBytes: number;
  /** Their source maps, which a cold start reads too (NODE_OPTIONS=--enable-source-maps). */
  initialMapBytes: number;
  /** Everything written (code, maps, chunks loaded by `import()` on first use, shipped files). */
  totalBytes: number;
  /** Every file written, relative to the output directory, sorted. */
  files: string[];
  metafile: Metafile;
};

/**
 * Minified ESM with code splitting: `index.mjs` holds what the handler needs at load, and modules that the code
 * imports with `import()` (QR codes, calendar files, the door script, the rate limiter, the SSM and S3 clients,
 * nodemailer) go to `chunks/`, which Node neither reads nor parses until they are first imported.
 */
export function bundleHandler(entry: string, outdir: string): BundleSizes {
  mkdirSync(outdir, { recursive: true });
  const { metafile } = buildSync({
    absWorkingDir: projectRoot,
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    external: EXTERNAL_MODULES,
    define: DEFINE,
    alias: ALIAS,
    banner: { js: ESM_BANNER },
    metafile: true,
    logLevel: 'warning',
  });
  const shipped: { name: string; bytes: number }[] = [];
  const require = createRequire(join(projectRoot, 'package.json'));
  for (const file of HANDLER_FILES[basename(entry)] ?? []) {
    const from = require.resolve(file.source);
    mkdirSync(dirname(join(outdir, file.name)), { recursive: true });
    copyFileSync(from, join(outdir, file.name));
    shipped.push({ name: file.name, bytes: statSync(from).size });
  }
  for (const file of HANDLER_BUILT_FILES[basename(entry)]?.() ?? []) {
    const to = join(outdir, file.name);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, file.contents);
    shipped.push({ name: file.name, bytes: Buffer.byteLength(file.contents) });
  }
  const outputs = metafile.outputs;
  const index = Object.keys(outputs).find((path) => basename(path) === 'index.mjs') as string;
  const initial = new Set<string>();
  const pending = [index];
  while (pending.length) {
    const path = pending.pop() as string;
    if (initial.has(path)) continue;
    initial.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && outputs[imported.path]) pending.push(imported.path);
    }
  }
  const size = (path: string) => outputs[path]?.bytes ?? 0;
  return {
    initialOutputs: [...initial],
    initialBytes: [...initial].reduce((sum, path) => sum + size(path), 0),
    initialMapBytes: [...initial].reduce((sum, path) => sum + size(`${path}.map`), 0),
    totalBytes:
      Object.values(outputs).reduce((sum, output) => sum + output.bytes, 0) +
      shipped.reduce((sum, file) => sum + file.bytes, 0),
    files: [
      ...Object.keys(outputs).map((path) => relative(outdir, join(projectRoot, path))),
      ...shipped.map((file) => file.name),
    ].sort(),
    metafile,
  };
}
