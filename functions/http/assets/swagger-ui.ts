import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Swagger UI for /api/docs, served by the console from the project's own files: the version pinned in
 * package.json (swagger-ui-dist), no CDN, so it works without internet and under the same Content-Security-Policy
 * as every page (its starter is a file too, not an inline script).
 *
 * 1.9 MB the server never runs: the bundling ships the files next to the console's `index.mjs` (HANDLER_FILES,
 * infra/constructs/bundle.ts) and they are read from disk when /api/docs is first opened, not at a cold start.
 * Under tsx and vitest (`npm start`, tests) the package in node_modules answers instead.
 */
export const SWAGGER_UI_BUNDLE_FILES = [
  { name: 'swagger-ui-bundle.js', source: 'swagger-ui-dist/swagger-ui-bundle.js' },
  { name: 'swagger-ui.css', source: 'swagger-ui-dist/swagger-ui.css' },
] as const;

export type DocsAsset = { path: string; body: string; type: string };
export type SwaggerUi = { script: DocsAsset; styles: DocsAsset; starter: DocsAsset };

/** Where the page's assets live: under /api/docs, which API Gateway routes to the console function. */
const DOCS_PREFIX = '/api/docs';

const starterScript = `'use strict';
window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
`;

async function readShipped(file: (typeof SWAGGER_UI_BUNDLE_FILES)[number]): Promise<string> {
  const places = [
    // Next to the bundle, whether this module landed in index.mjs or in a chunk beside it.
    () => fileURLToPath(new URL(`./${file.name}`, import.meta.url)),
    () => fileURLToPath(new URL(`../${file.name}`, import.meta.url)),
    () => createRequire(import.meta.url).resolve(file.source),
  ];
  let failure: unknown;
  for (const place of places) {
    try {
      return await readFile(place(), 'utf8');
    } catch (error) {
      failure = error; // not there: try the next place
    }
  }
  throw failure;
}

/** A name that changes with the content, so the files can be cached for a year. */
const fingerprinted = (stem: string, extension: string, body: string, type: string): DocsAsset => ({
  path: `${DOCS_PREFIX}/${stem}.${createHash('sha256').update(body).digest('hex').slice(0, 10)}.${extension}`,
  body,
  type,
});

let loaded: Promise<SwaggerUi> | undefined;

/** Swagger UI's files, read once per process on first use. */
export function swaggerUi(): Promise<SwaggerUi> {
  loaded ??= Promise.all(SWAGGER_UI_BUNDLE_FILES.map(readShipped)).then(([script = '', styles = '']) => ({
    script: fingerprinted('swagger-ui-bundle', 'js', script, 'text/javascript; charset=utf-8'),
    styles: fingerprinted('swagger-ui', 'css', styles, 'text/css; charset=utf-8'),
    starter: fingerprinted('start', 'js', starterScript, 'text/javascript; charset=utf-8'),
  }));
  // A failed read (a broken deploy) is tried again on the next request rather than remembered.
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** The route of every file above; only the current fingerprints answer. (No group in the pattern: hono's router
 * combines every route into one regular expression, where a group would shift the parameters.) */
export const SWAGGER_UI_ROUTE = `${DOCS_PREFIX}/:file{[a-z-]+\\.[0-9a-f]{10}\\.[a-z]+}`;
