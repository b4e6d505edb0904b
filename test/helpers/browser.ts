import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Debian's Chromium: its headless shell (package chromium-headless-shell) where installed, the build Playwright
 * itself runs headless tests in. It renders with the same Blink and V8 as the full browser without the browser's
 * window machinery, and the page tests took 126 CPU-seconds in it against 213 in the full `chromium`, which
 * `CHROMIUM_PATH=/usr/bin/chromium` still selects.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ??
  '/usr/bin/chromium';

/** Headless, with the network chatter this offline machine refuses switched off. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A fresh browser context (`options`: viewport, locale, touch...). Without extra arguments it opens in the run's
 * shared Chromium (test/helpers/browser-setup.ts); a test that needs its own flags (a fake camera) gets a Chromium
 * of its own, which costs a second or two of start-up.
 */
export async function launchBrowser(
  extraArgs: string[] = [],
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  // The bench (bench/pages.ts) uses this outside vitest, where there is no shared Chromium to inject.
  const shared = extraArgs.length === 0 && process.env.VITEST ? inject('chromiumEndpoint') : undefined;
  if (shared) {
    const browser = await chromium.connect(shared);
    const context = await browser.newContext(options);
    return {
      context,
      close: async () => {
        await context.close();
        await browser.close();
      },
    };
  }
  const profile = mkdtempSync(join(tmpdir(), 'hadir-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves an app on a free loopback port, as `npm start` does. */
export async function serveApp(app: Hono<never>): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
