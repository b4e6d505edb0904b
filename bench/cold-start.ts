import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The same bundling the CDK functions use: minified ESM, AWS SDK from the runtime, a require shim. */
export async function bundle(entry: string, outfile: string) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    external: ['@aws-sdk/*', 'prettier'],
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return statSync(outfile).size;
}

/** Median time to import the bundle in a fresh Node process (what a Lambda cold start pays for our code). */
function loadMs(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          ...process.env,
          TABLE_NAME: 'bench',
          AWS_REGION: 'ap-southeast-3',
          // Every entry but ses-events refuses to start without a ticket key; in AWS it comes from SSM.
          HADIR_TICKET_KEY: 'bench-ticket-key-0123456789abcdef0123456789',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        encoding: 'utf8',
      }).trim(),
    ),
  ).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export async function coldStarts(runs: number) {
  // Inside the project, so the bundles' external imports (@aws-sdk/*) resolve from node_modules as in Lambda.
  const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
  try {
    const results: Record<string, { kb: number; loadMs: number }> = {};
    for (const [name, entry] of [
      ['api', 'functions/handlers/api.ts'],
      ['console', 'functions/handlers/console.ts'],
      ['outbox-stream', 'functions/handlers/outbox-stream.ts'],
      ['outbox-sweep', 'functions/handlers/outbox-sweep.ts'],
      ['ses-events', 'functions/handlers/ses-events.ts'],
      ['campaign-runner', 'functions/handlers/campaign-runner.ts'],
      ['retention', 'functions/handlers/retention.ts'],
    ] as const) {
      const out = join(dir, `${name}.mjs`);
      const bytes = await bundle(entry, out);
      results[name] = { kb: bytes / 1024, loadMs: loadMs(out, runs) };
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
