import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';

/** A volunteer's or a cooperative contact's cheap phone: a 360x740 touch screen set to Bahasa Indonesia. */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 1,
  // API answers follow the phone's language, as the volunteers' and contacts' phones are set.
  locale: 'id-ID',
  isMobile: true,
  hasTouch: true,
};

/** A phone context in the run's shared Chromium. */
export function launchPhone(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  return launchBrowser([], PHONE);
}

/** The WCAG 2.2 A and AA rules, for audits that hold a page to the standard rather than to every best practice. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's serious and critical findings on the page as it is now, as short lines for a test's failure; all
 * rules, or those of `tags`. axe-core goes into the page once per document, through the DevTools protocol, which
 * the page's Content-Security-Policy does not govern: the audit sees the page with its real policy. (The
 * Playwright wrapper injected it twice per audit and finished each in a second, blank page: a second an audit here.)
 */
export async function seriousViolations(page: Page, tags?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const found = await page.evaluate(async (runOnly) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const { violations } = await axe.run(document, {
      resultTypes: ['violations'],
      ...(runOnly ? { runOnly: { type: 'tag', values: runOnly } } : {}),
    });
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  }, tags);
  return found.map(({ id, impact, targets }) => `${id} (${impact}): ${targets.join(', ')}`);
}

/**
 * For a context where every page is audited: axe-core is sent to Chromium once and loads with each document,
 * instead of being sent with each audit, which took half an audit's time (0.17 s of 0.35 s per page here).
 */
export async function auditEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript(axe.source);
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

/**
 * Keeps a screenshot for a person to look at, in the folder HADIR_SCREENSHOTS names (outside the repository);
 * without it none are taken: a test run that nobody looks at spent seconds of Chromium on pictures.
 */
export async function keepScreenshot(page: Page, name: string, { fullPage = false } = {}) {
  const folder = process.env.HADIR_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name.replace(/[^a-z0-9-]+/gi, '_')}.png`), fullPage });
}
