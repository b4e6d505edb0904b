import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from './browser';

/**
 * Chromium on a 360x740 phone screen, as the cooperative contacts and volunteers use hadir, with CSP bypassed so
 * axe-core can inject its script into the pages (their CSP allows only hadir's own scripts).
 */
export async function launchPhone(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'hadir-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    bypassCSP: true,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    // A phone set to Bahasa Indonesia, as the volunteers' and contacts' phones are: API answers follow it.
    locale: 'id-ID',
    isMobile: true,
    hasTouch: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** axe-core's serious and critical findings on the page as it is now, as short lines for a test's failure. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Whether the element is inside the viewport as the page first shows it, without scrolling. */
export async function visibleWithoutScrolling(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return window.scrollY === 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    });
}

/** Screenshots for a person to look at, outside the repository (never committed). */
export const SCREENSHOTS = process.env.HADIR_SCREENSHOTS ?? join(tmpdir(), 'hadir-screenshots');
