import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';

let store: TestStore;
let app: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  store = await createTestStore();
  app = createTestApp(store);
});

/** Every URL a page loads: scripts, stylesheets, images, frames, preloads. */
const referencedUrls = (html: string) =>
  [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((match) => match[1] as string);

describe('/api/docs', () => {
  it('loads Swagger UI only from same-origin files, with no inline script', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(url, url).toMatch(/^\/(?!\/)/); // a path on this origin, not //host
    expect(html).not.toMatch(/https?:\/\//);
    // Every <script> has a src: the strict script-src 'self' would block an inline one.
    expect(
      [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].every(
        ([, attrs, body]) => /\bsrc=/.test(attrs ?? '') && !body?.trim(),
      ),
    ).toBe(true);
  });

  it('sends the app’s one Content-Security-Policy, without a CDN or unsafe-inline', async () => {
    const [docs, home] = await Promise.all([app.request('/api/docs'), app.request('/')]);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(home.headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|cdn|jsdelivr|unsafe-inline|unsafe-eval|\*/);
  });

  it('serves the pinned swagger-ui-dist files and the starter with their types, cacheable for a year', async () => {
    const html = await (await app.request('/api/docs')).text();
    const [styles, script, starter] = referencedUrls(html);
    const require = createRequire(import.meta.url);
    const expected: [string | undefined, RegExp, string | undefined][] = [
      [styles, /^text\/css/, readFileSync(require.resolve('swagger-ui-dist/swagger-ui.css'), 'utf8')],
      [
        script,
        /^text\/javascript/,
        readFileSync(require.resolve('swagger-ui-dist/swagger-ui-bundle.js'), 'utf8'),
      ],
      [starter, /^text\/javascript/, undefined],
    ];
    for (const [path, type, body] of expected) {
      expect(path).toMatch(/^\/api\/docs\/[a-z-]+\.[0-9a-f]{10}\.(js|css)$/);
      const res = await app.request(path as string);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
      expect(res.headers.get('cache-control'), path).toContain('immutable');
      const text = await res.text();
      if (body !== undefined) expect(text === body, path).toBe(true);
      else expect(text).toContain("SwaggerUIBundle({ url: '/api/openapi.json'");
    }
  });

  it('pins an exact Swagger UI version', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(manifest.dependencies['swagger-ui-dist']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies['@hono/swagger-ui']).toBeUndefined();
  });

  it('answers 404 for a stale fingerprint', async () => {
    expect((await app.request('/api/docs/swagger-ui-bundle.0123456789.js')).status).toBe(404);
  });
});
