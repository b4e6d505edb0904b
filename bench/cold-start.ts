import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleHandler, NODE_OPTIONS } from '../infra/constructs/bundle';

/** The environment a function's module is loaded with: the construct's NODE_OPTIONS and what AWS sets. */
const lambdaEnv = {
  ...process.env,
  NODE_OPTIONS,
  TABLE_NAME: 'bench',
  AWS_REGION: 'ap-southeast-3',
  // Every entry but ses-events refuses to start without a ticket key; in AWS it comes from SSM.
  HADIR_TICKET_KEY: 'bench-ticket-key-0123456789abcdef0123456789',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * One import of the bundle in a fresh Node process (what a Lambda cold start pays for our code): the clock's time,
 * and the process's CPU time over the same span. The CPU time is what the budgets use: on a shared machine a
 * process waiting for a core adds to the clock but not to its CPU time.
 */
function loadOnce(file: string): { wallMs: number; cpuMs: number } {
  const script = `const c=process.cpuUsage(),t=performance.now();await import(${JSON.stringify(file)});const w=performance.now()-t,u=process.cpuUsage(c);console.log(JSON.stringify({wallMs:w,cpuMs:(u.user+u.system)/1000}))`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: lambdaEnv,
      encoding: 'utf8',
    }),
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Not a function: Hono and the AWS SDK's DynamoDB document client alone, bundled the same way. Every HTTP function
 * loads at least this, so its load time is the unit every cold start is expressed in.
 */
export const FLOOR = {
  name: 'floor: hono + DynamoDB document client',
  entry: 'bench/floor-dynamodb.ts',
} as const;

export const HANDLERS = [
  ['api', 'functions/handlers/api.ts'],
  ['console', 'functions/handlers/console.ts'],
  ['outbox-stream', 'functions/handlers/outbox-stream.ts'],
  ['outbox-sweep', 'functions/handlers/outbox-sweep.ts'],
  ['ses-events', 'functions/handlers/ses-events.ts'],
  ['campaign-runner', 'functions/handlers/campaign-runner.ts'],
  ['retention', 'functions/handlers/retention.ts'],
] as const;

export type ColdStart = {
  /** What a cold start loads: index.mjs and the chunks it imports statically. */
  kb: number;
  /** Everything the function ships (chunks imported on first use, source maps, the jsQR file). */
  totalKb: number;
  /** Median CPU time of the import over the rounds. */
  cpuMs: number;
  /** Median clock time of the import, for information only: on a shared machine it moves with the load. */
  wallMs: number;
  /** Median, over the rounds, of its CPU time divided by that of the floor's load just before it: the budgeted figure. */
  ratio: number;
};

export type ColdStarts = {
  floor: { kb: number; cpuMs: number; wallMs: number };
  functions: Record<string, ColdStart>;
};

/**
 * Bundles each function exactly as the CDK construct does (infra/constructs/bundle.ts), and the floor with it, then
 * times their imports in `rounds` rounds. In each round every function is loaded right after a load of the floor, so
 * a function and its yardstick see the same machine within a second of each other, and each pair gives a ratio; the
 * median of those ratios stays put when the machine gets busier or quieter, where either time alone moves by half.
 */
export async function coldStarts(rounds: number, only?: readonly string[]): Promise<ColdStarts> {
  // Inside the project like the Lambda asset directory next to cdk.out.
  const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
  try {
    const bundle = (name: string, entry: string) => {
      const out = join(dir, name.replace(/\W+/g, '-'));
      return { sizes: bundleHandler(entry, out), file: join(out, 'index.mjs') };
    };
    const floor = { ...bundle('floor', FLOOR.entry), loads: [] as { wallMs: number; cpuMs: number }[] };
    const functions = HANDLERS.filter(([name]) => !only || only.includes(name)).map(([name, entry]) => ({
      name,
      ...bundle(name, entry),
      loads: [] as { wallMs: number; cpuMs: number }[],
      ratios: [] as number[],
    }));
    // One load of each first, uncounted: the first import after bundling also pays for the disk cache.
    loadOnce(floor.file);
    for (const fn of functions) loadOnce(fn.file);
    for (let round = 0; round < rounds; round++) {
      // Rotated so that no function always follows the same one.
      for (let i = 0; i < functions.length; i++) {
        const fn = functions[(i + round) % functions.length] as (typeof functions)[number];
        const yardstick = loadOnce(floor.file);
        const load = loadOnce(fn.file);
        floor.loads.push(yardstick);
        fn.loads.push(load);
        fn.ratios.push(load.cpuMs / yardstick.cpuMs);
      }
    }
    const medians = (loads: { wallMs: number; cpuMs: number }[]) => ({
      cpuMs: median(loads.map((load) => load.cpuMs)),
      wallMs: median(loads.map((load) => load.wallMs)),
    });
    const results: Record<string, ColdStart> = {};
    for (const fn of functions) {
      results[fn.name] = {
        kb: fn.sizes.initialBytes / 1024,
        totalKb: fn.sizes.totalBytes / 1024,
        ...medians(fn.loads),
        ratio: median(fn.ratios),
      };
    }
    return { floor: { kb: floor.sizes.initialBytes / 1024, ...medians(floor.loads) }, functions: results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
