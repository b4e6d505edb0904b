import { performance } from 'node:perf_hooks';

export type Figure = {
  name: string;
  value: number | string;
  unit: string;
  budget?: string;
  pass?: boolean;
  note?: string;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    count: sorted.length,
  };
}

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight; returns each call's latency in ms. */
export async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = new Array(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function check(value: number, budget: { min?: number; max?: number }) {
  if (budget.min !== undefined) return { budget: `≥ ${budget.min}`, pass: value >= budget.min };
  if (budget.max !== undefined) return { budget: `≤ ${budget.max}`, pass: value <= budget.max };
  return {};
}

export function printTable(figures: Figure[]) {
  const rows = figures.map((f) => [
    f.name,
    `${typeof f.value === 'number' ? round(f.value, 2) : f.value} ${f.unit}`.trim(),
    f.budget ?? '',
    f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
    f.note ?? '',
  ]);
  const header = ['Figure', 'Value', 'Budget', 'Result', 'Note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}
