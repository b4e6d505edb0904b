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

/** Median time to import the bundle in a fresh Node process (what a Lambda cold start pays for our code). */
function loadMs(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: lambdaEnv,
        encoding: 'utf8',
      }).trim(),
    ),
  ).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export const HANDLERS = [
  ['api', 'functions/handlers/api.ts'],
  ['console', 'functions/handlers/console.ts'],
  ['outbox-stream', 'functions/handlers/outbox-stream.ts'],
  ['outbox-sweep', 'functions/handlers/outbox-sweep.ts'],
  ['ses-events', 'functions/handlers/ses-events.ts'],
  ['campaign-runner', 'functions/handlers/campaign-runner.ts'],
  ['retention', 'functions/handlers/retention.ts'],
  // Not a function: the table's document client alone, bundled the same way. Every function above loads it, so
  // its figures are the floor under theirs.
  ['DynamoDB client alone', 'bench/floor-dynamodb.ts'],
] as const;

export type ColdStart = {
  /** What a cold start loads: index.mjs and the chunks it imports statically. */
  kb: number;
  /** Everything the function ships (chunks imported on first use, source maps, the jsQR file). */
  totalKb: number;
  loadMs: number;
};

/** Bundles each function exactly as the CDK construct does (infra/constructs/bundle.ts) and times its import. */
export async function coldStarts(runs: number, only?: readonly string[]) {
  // Inside the project like the Lambda asset directory next to cdk.out.
  const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
  try {
    const results: Record<string, ColdStart> = {};
    for (const [name, entry] of HANDLERS) {
      if (only && !only.includes(name)) continue;
      const out = join(dir, name.replace(/\W+/g, '-'));
      const sizes = bundleHandler(entry, out);
      results[name] = {
        kb: sizes.initialBytes / 1024,
        totalKb: sizes.totalBytes / 1024,
        loadMs: loadMs(join(out, 'index.mjs'), runs),
      };
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
