import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import {
  DEFINE,
  ESM_BANNER,
  EXTERNAL_MODULES,
  HANDLER_FILES,
  NODE_OPTIONS,
} from '../infra/constructs/hadir-function';

const require = createRequire(import.meta.url);

export type BundleSizes = {
  /** index.mjs: the code a cold start loads. */
  bytes: number;
  /** index.mjs.map, read at load as well because the functions run with --enable-source-maps. */
  mapBytes: number;
  /** Everything in the function's directory (bundle, map and files read later, e.g. the jsQR asset). */
  totalBytes: number;
};

/**
 * The bundling of infra/constructs/hadir-function.ts (NodejsFunction): minified ESM with the same externals, banner,
 * defines and source map into `dir/index.mjs`, plus the files the handler reads at run time next to it.
 */
export async function bundle(entry: string, dir: string): Promise<BundleSizes> {
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    external: EXTERNAL_MODULES,
    define: DEFINE,
    banner: { js: ESM_BANNER },
    logLevel: 'silent',
  });
  let totalBytes = 0;
  for (const file of HANDLER_FILES[basename(entry)] ?? []) {
    copyFileSync(require.resolve(file.source), join(dir, file.name));
    totalBytes += statSync(join(dir, file.name)).size;
  }
  const bytes = statSync(outfile).size;
  const mapBytes = statSync(`${outfile}.map`).size;
  return { bytes, mapBytes, totalBytes: totalBytes + bytes + mapBytes };
}

/** The environment a function's module is loaded with: the construct's NODE_OPTIONS and what AWS sets. */
const lambdaEnv = {
  ...process.env,
  NODE_OPTIONS,
  TABLE_NAME: 'bench',
  AWS_REGION: 'ap-southeast-3',
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
] as const;

export type ColdStart = { kb: number; mapKb: number; totalKb: number; loadMs: number };

export async function coldStarts(runs: number, only?: readonly string[]) {
  // Inside the project, so any external import resolves from node_modules as from the runtime in Lambda.
  const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
  try {
    const results: Record<string, ColdStart> = {};
    for (const [name, entry] of HANDLERS) {
      if (only && !only.includes(name)) continue;
      const sizes = await bundle(entry, join(dir, name));
      results[name] = {
        kb: sizes.bytes / 1024,
        mapKb: sizes.mapBytes / 1024,
        totalKb: sizes.totalBytes / 1024,
        loadMs: loadMs(join(dir, name, 'index.mjs'), runs),
      };
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
