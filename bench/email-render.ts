import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleHandler } from '../infra/constructs/bundle';

export type RenderRates = {
  /** Confirmation emails rendered per second (subject, HTML and plain text), for information. */
  perSecond: number;
  /** The bare template's renders per second in the same process and rounds, for information. */
  barePerSecond: number;
  /** What one confirmation email costs in bare-template renders: the budgeted figure. */
  costVsBare: number;
};

/**
 * Confirmation emails against the same-run floor, a bare template rendered by React alone, both in
 * bench/render-rate.ts bundled like the email workers (React's production build; under tsx React runs its
 * development build, several times slower) and run in a fresh process, as a worker renders.
 */
export function emailRenderRates(rounds: number, roundMs: number): RenderRates {
  const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
  try {
    bundleHandler('bench/render-rate.ts', dir);
    const out = execFileSync(process.execPath, [join(dir, 'index.mjs')], {
      env: { ...process.env, ROUNDS: String(rounds), ROUND_MS: String(roundMs) },
      encoding: 'utf8',
    });
    return JSON.parse(out) as RenderRates;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
