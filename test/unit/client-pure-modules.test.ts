import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The door's logic that the unit tests run without a browser: none of it may reach for the page or its APIs. */
const PURE = [
  'checkin-payload.ts',
  'cooperative-filter.ts',
  'door-types.ts',
  'fill.ts',
  'offline-queue.ts',
  'offline-verdict.ts',
  'people-search.ts',
  'roster-entries.ts',
  'scan-repeat.ts',
  'status-line.ts',
  'sw-routes.ts',
  'sync-plan.ts',
  'ticket-code.ts',
  'walk-in-queue.ts',
];
const BROWSER_ONLY =
  /\b(document|window|navigator|indexedDB|localStorage|caches|fetch)\b|reference lib="dom"/;

describe('the client modules without DOM', () => {
  for (const file of PURE) {
    it(`${file} uses no browser API and imports only other pure modules`, () => {
      const source = readFileSync(new URL(`../../functions/http/client/${file}`, import.meta.url), 'utf8');
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code.match(BROWSER_ONLY)?.[0]).toBeUndefined();
      for (const [, imported] of code.matchAll(/from '\.\/([\w-]+)'/g)) {
        expect(PURE, `${file} imports ${imported}`).toContain(`${imported}.ts`);
      }
    });
  }
});
