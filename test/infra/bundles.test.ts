import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CfnElement } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../../bench/cold-start';
import { buildApp } from '../../infra/build-app';
import { DEFINE, ESM_BANNER, EXTERNAL_MODULES } from '../../infra/constructs/hadir-function';

const handlerPath = (name: string) =>
  fileURLToPath(new URL(`../../functions/handlers/${name}.ts`, import.meta.url));

/**
 * Minified bundle (index.mjs) budgets in KiB: today's sizes rounded up, so growth is a decision rather than an
 * accident. The product budgets (bench/budgets.ts: API 250, email worker 1600) are measured by `npm run bench`;
 * the public API still misses its own (zod, hono, qrcode, ics with yup, the rate limiter and the 250 KiB jsQR
 * asset of the check-in page). The console carries PDF, XLSX, React Email for previews and OpenAPI.
 */
const BUDGET_KIB = {
  api: 800,
  console: 3700,
  outboxStream: 1200,
  outboxSweep: 1200,
  sesEvents: 4,
  campaigns: 200,
  retention: 60,
};

/** Which packages esbuild puts into a handler's bundle, with the construct's options (no minify: same inputs). */
async function bundledPackages(name: string) {
  const result = await build({
    entryPoints: [handlerPath(name)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    external: EXTERNAL_MODULES,
    define: DEFINE,
    banner: { js: ESM_BANNER },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const packages = new Set(
    inputs
      .filter((input) => input.includes('node_modules/'))
      .map((input) => {
        const parts = (input.split('node_modules/').pop() ?? '').split('/');
        return (parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
      }),
  );
  return { packages, ownFiles: inputs.filter((input) => !input.includes('node_modules/')) };
}

describe('bundle contents (esbuild metafile)', () => {
  it('keeps React and the email templates out of the API bundle', async () => {
    const { packages, ownFiles } = await bundledPackages('api');
    expect(packages.has('hono')).toBe(true);
    for (const forbidden of [
      // The check-in page's decoder is a file next to the bundle (see the last test).
      'jsqr',
      'react',
      'react-dom',
      '@react-email/render',
      '@react-email/components',
      'prettier',
    ]) {
      expect(packages.has(forbidden), forbidden).toBe(false);
    }
    // emails/ticket-qr.ts (a QR code PNG for the ticket page) is fine; the React templates (.tsx) are not.
    expect(ownFiles.filter((file) => file.startsWith('emails/') && file.endsWith('.tsx'))).toEqual([]);
    expect([...packages].filter((name) => name.startsWith('@aws-sdk/'))).toEqual([]);
  });

  it('gives the SES event handler only its own code and the DynamoDB client (external)', async () => {
    const { packages, ownFiles } = await bundledPackages('ses-events');
    expect([...packages]).toEqual([]);
    expect(ownFiles.sort()).toEqual([
      'functions/db/client.ts',
      'functions/db/suppressions-repo.ts',
      'functions/handlers/ses-events.ts',
    ]);
  });

  it('gives the mail workers React Email, without prettier or the HTTP app', async () => {
    for (const name of ['outbox-stream', 'outbox-sweep']) {
      const { packages, ownFiles } = await bundledPackages(name);
      expect(packages.has('@react-email/render')).toBe(true);
      expect(packages.has('prettier')).toBe(false);
      expect(packages.has('hono')).toBe(false);
      expect(ownFiles.filter((file) => file.startsWith('functions/http/'))).toEqual([]);
    }
  });
});

describe('real bundling (cdk synth with esbuild, offline)', () => {
  const { app, api } = buildApp();
  afterAll(() => rmSync(app.outdir, { recursive: true, force: true }));

  it('bundles every function into a minified ESM file within its budget', () => {
    const assembly = app.synth();
    const functions = {
      api: api.apiFunction,
      console: api.consoleFunction,
      outboxStream: api.mail.streamFunction,
      outboxSweep: api.mail.sweepFunction,
      sesEvents: api.mail.sesEventsFunction,
      campaigns: api.mail.campaignFunction,
      retention: api.mail.retentionFunction,
    };
    const template = assembly.getStackByName(api.stackName).template as {
      Resources: Record<string, { Properties: { Code: { S3Key: string } } }>;
    };
    const sizes: Record<string, { code: number; map: number; files: string[] }> = {};
    for (const [name, fn] of Object.entries(functions)) {
      const id = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
      const hash = template.Resources[id]?.Properties.Code.S3Key.replace(/\.zip$/, '');
      const dir = join(assembly.directory, `asset.${hash}`);
      expect(existsSync(dir), name).toBe(true);
      const files = readdirSync(dir).sort();
      sizes[name] = {
        code: statSync(join(dir, 'index.mjs')).size,
        map: statSync(join(dir, 'index.mjs.map')).size,
        files,
      };
    }
    console.log(
      JSON.stringify(
        Object.fromEntries(
          Object.entries(sizes).map(([name, size]) => [
            name,
            { codeKiB: Math.round(size.code / 1024), mapKiB: Math.round(size.map / 1024) },
          ]),
        ),
      ),
    );
    for (const [name, size] of Object.entries(sizes)) {
      // The public function ships the check-in page's QR decoder as a file it reads on first request.
      const files =
        name === 'api' ? ['index.mjs', 'index.mjs.map', 'jsqr.js'] : ['index.mjs', 'index.mjs.map'];
      expect(size.files, name).toEqual(files);
      expect(size.code / 1024, name).toBeLessThanOrEqual(BUDGET_KIB[name as keyof typeof BUDGET_KIB]);
    }
  }, 60_000);
});

describe('the bundled public function', () => {
  it('serves the jsQR file shipped next to index.mjs, read on first request', async () => {
    // Inside the project like bench/cold-start.ts, so external imports resolve as in Lambda.
    const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
    try {
      await bundle(handlerPath('api'), dir);
      const source = readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');
      expect(readFileSync(join(dir, 'jsqr.js'), 'utf8')).toBe(source);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.includes(source.slice(100_000, 100_200)), 'jsQR inlined into index.mjs').toBe(false);
      const path = `/assets/jsqr.${createHash('sha256').update(source).digest('hex').slice(0, 10)}.js`;
      const event = {
        version: '2.0',
        routeKey: '$default',
        rawPath: path,
        rawQueryString: '',
        headers: { host: 'abc123.execute-api.ap-southeast-3.amazonaws.com' },
        requestContext: {
          domainName: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
          http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
          requestId: 'req-1',
          routeKey: '$default',
          stage: '$default',
        },
        isBase64Encoded: false,
      };
      const script = `const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
        const res = await handler(${JSON.stringify(event)}, {});
        const body = res.isBase64Encoded ? Buffer.from(res.body, 'base64').toString() : res.body;
        console.log(JSON.stringify({ status: res.statusCode, type: res.headers['content-type'], body }));`;
      const response = JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          env: { ...process.env, TABLE_NAME: 'bundle-test', AWS_REGION: 'ap-southeast-3' },
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        }),
      );
      expect(response.status).toBe(200);
      expect(response.type).toContain('text/javascript');
      expect(response.body).toBe(source);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
