import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CfnElement } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { previews } from '../../emails/previews';
import { renderEmail } from '../../emails/render';
import { TEST_TICKET_KEY } from '../../functions/auth/ticket-key';
import type { EmailKind } from '../../functions/domain/notifications';
import { buildApp } from '../../infra/build-app';
import {
  type BundleSizes,
  bundleHandler,
  DEFINE,
  ESM_BANNER,
  EXTERNAL_MODULES,
} from '../../infra/constructs/bundle';
import type { HadirFunction } from '../../infra/constructs/hadir-function';
import { createTestStore, makeEvent, testDynamoEndpoint } from '../helpers/store';

const handlerPath = (name: string) =>
  fileURLToPath(new URL(`../../functions/handlers/${name}.ts`, import.meta.url));

/**
 * What a cold start loads (index.mjs and the chunks it imports statically; infra/constructs/bundle.ts), in KiB and
 * in two parts: our code with its dependencies, and the AWS SDK. Today's sizes rounded up, so growth is a decision
 * rather than an accident (the last raise: what happens inside a session, tanya jawab's ask and vote routes with
 * its rules in the public function, the console's questions, evaluation, speakers and materials pages; the
 * evaluation form loads with its first request; the follow-up emails' tanya jawab, materials and evaluation
 * sections; every function's store carries all the repositories, so no code outside functions/db builds one). Every function reaches DynamoDB through the SDK's DynamoDBClient and DynamoDBDocumentClient
 * (most of each function's SDK part); SES adds to the email workers', and SSM and S3 sit in chunks loaded on first
 * use. The product budgets are module load times relative to a bundle of Hono and that client alone, measured by
 * `npm run bench` (bench/budgets.ts). The console loads PDF, XLSX, QR codes, email previews and OpenAPI on first use;
 * zod's core with its locales stays in its cold start whole, as the JSON Schema generator imports it as a namespace
 * and esbuild splits by module.
 */
const BUDGET_KIB = {
  api: 310,
  console: 890,
  outboxStream: 410,
  outboxSweep: 410,
  sesEvents: 5,
  campaigns: 135,
  retention: 125,
};
const SDK_BUDGET_KIB = {
  api: 230,
  console: 250,
  outboxStream: 295,
  outboxSweep: 295,
  sesEvents: 225,
  campaigns: 230,
  retention: 230,
};
const ENTRIES: Record<keyof typeof BUDGET_KIB, string> = {
  api: 'api',
  console: 'console',
  outboxStream: 'outbox-stream',
  outboxSweep: 'outbox-sweep',
  sesEvents: 'ses-events',
  campaigns: 'campaign-runner',
  retention: 'retention',
};
/** The SDK's own packages and the three small libraries it depends on. */
const AWS_SDK = /node_modules\/(@aws-sdk|@smithy|@aws|bowser|mnemonist|obliterator)\//;

/** Bytes of the cold-start outputs that come from the AWS SDK and from everything else. */
function initialSplit({ metafile, initialOutputs }: BundleSizes) {
  let sdk = 0;
  let own = 0;
  for (const path of initialOutputs) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[path]?.inputs ?? {})) {
      if (AWS_SDK.test(input)) sdk += bytesInOutput;
      else own += bytesInOutput;
    }
  }
  return { sdkKiB: sdk / 1024, ownKiB: own / 1024 };
}

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
    // DynamoDB through the AWS SDK's document client; SSM (the session secret) is imported on first use.
    const clients = [...packages].filter((name) => name.startsWith('@aws-sdk/client-')).sort();
    expect(clients).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/client-ssm']);
    expect(packages.has('@aws-sdk/lib-dynamodb')).toBe(true);
  });

  it("gives the SES event handler only its own code and the AWS SDK's DynamoDB client", async () => {
    const { packages, ownFiles } = await bundledPackages('ses-events');
    expect([...packages].filter((name) => !AWS_SDK.test(`node_modules/${name}/`))).toEqual([]);
    expect([...packages].filter((name) => name.startsWith('@aws-sdk/client-'))).toEqual([
      '@aws-sdk/client-dynamodb',
    ]);
    expect(packages.has('@aws-sdk/lib-dynamodb')).toBe(true);
    expect(ownFiles.sort()).toEqual([
      'functions/db/client.ts',
      'functions/db/suppressions-repo.ts',
      'functions/handlers/ses-events.ts',
    ]);
  });

  it("gives every function the AWS SDK's DynamoDB client and nothing of the hand-written one it replaced", async () => {
    for (const name of Object.values(ENTRIES)) {
      const { packages, ownFiles } = await bundledPackages(name);
      expect(packages.has('@aws-sdk/client-dynamodb'), name).toBe(true);
      expect(packages.has('@aws-sdk/lib-dynamodb'), name).toBe(true);
      // aws4 signed the hand-written client's requests; the SDK signs its own.
      expect(packages.has('aws4'), name).toBe(false);
      expect(
        ownFiles.filter((file) => /^functions\/db\/(dynamo-http|document-client)\.ts$/.test(file)),
        name,
      ).toEqual([]);
    }
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })).not.toContain('aws4');
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
  const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
  afterAll(() => {
    rmSync(app.outdir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('bundles every function like the bench does, its cold-start code within budget', () => {
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
    const listFiles = (root: string, sub = ''): string[] =>
      readdirSync(join(root, sub), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? listFiles(root, join(sub, entry.name)) : [join(sub, entry.name)],
      );
    const sizes: Record<string, { initialKiB: number; ownKiB: number; sdkKiB: number }> = {};
    for (const [name, fn] of Object.entries(functions) as [keyof typeof BUDGET_KIB, HadirFunction][]) {
      const id = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
      const hash = template.Resources[id]?.Properties.Code.S3Key.replace(/\.zip$/, '');
      const asset = join(assembly.directory, `asset.${hash}`);
      expect(existsSync(asset), name).toBe(true);
      // The same files as the bench's bundle of the same handler (the chunks' content hashes differ: the source
      // maps' relative paths depend on where the bundle is written).
      const bench = bundleHandler(handlerPath(ENTRIES[name]), join(dir, name));
      const unhashed = (files: string[]) => files.map((file) => file.replace(/-\w{8}\.mjs/, '.mjs')).sort();
      expect(unhashed(listFiles(asset)), name).toEqual(unhashed(bench.files));
      expect(bench.files, name).toContain('index.mjs');
      expect(bench.files, name).toContain('index.mjs.map');
      for (const file of bench.files) {
        expect(file, name).toMatch(
          /^(index|chunks\/[\w.-]+)\.mjs(\.map)?$|^jsqr\.js$|^client\/[\w-]+\.js$|^swagger-ui(-bundle\.js|\.css)$|^fonts\/DejaVuSans(-Bold)?\.ttf$|^fonts\/LICENSE-DejaVu\.txt$/,
        );
      }
      // The PDF font ships only with the functions that make PDFs (tickets; the console's reports and letters).
      expect(
        bench.files.some((file) => file.startsWith('fonts/')),
        name,
      ).toBe(name === 'api' || name === 'console');
      // The console ships Swagger UI's pinned files for /api/docs, read when the page is first opened.
      expect(
        bench.files.filter((file) => file.startsWith('swagger-ui')),
        name,
      ).toEqual(name === 'console' ? ['swagger-ui-bundle.js', 'swagger-ui.css'] : []);
      // The public function ships the check-in page's QR decoder and the browser scripts, built at synth, as files
      // it reads on first request.
      expect(bench.files.includes('jsqr.js'), name).toBe(name === 'api');
      expect(
        bench.files.filter((file) => file.startsWith('client/')),
        name,
      ).toEqual(
        name === 'api'
          ? ['client/checkin-sw.js', 'client/checkin.js', 'client/questions.js', 'client/register.js']
          : [],
      );
      // The SDK's DynamoDB client is part of every cold start, as in the bench's floor (bench/floor-dynamodb.ts).
      const initialInputs = bench.initialOutputs.flatMap((path) =>
        Object.keys(bench.metafile.outputs[path]?.inputs ?? {}),
      );
      for (const pkg of ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']) {
        expect(
          initialInputs.some((input) => input.includes(`node_modules/${pkg}/`)),
          `${name}: ${pkg}`,
        ).toBe(true);
      }
      sizes[name] = { initialKiB: bench.initialBytes / 1024, ...initialSplit(bench) };
    }
    console.log(
      JSON.stringify(
        Object.fromEntries(
          Object.entries(sizes).map(([name, size]) => [
            name,
            Object.fromEntries(Object.entries(size).map(([key, value]) => [key, Math.round(value)])),
          ]),
        ),
      ),
    );
    for (const [name, size] of Object.entries(sizes) as [keyof typeof BUDGET_KIB, (typeof sizes)[string]][]) {
      expect(size.ownKiB, `${name} without the AWS SDK`).toBeLessThanOrEqual(BUDGET_KIB[name]);
      expect(size.sdkKiB, `${name}: AWS SDK`).toBeLessThanOrEqual(SDK_BUDGET_KIB[name]);
    }
  }, 120_000);
});

describe('the bundled public function', () => {
  it('serves the jsQR file and the door script shipped next to index.mjs, and calendar files from a chunk loaded on first use', async () => {
    const store = await createTestStore();
    const event = makeEvent();
    await store.events.put(event);
    // Inside the project like bench/cold-start.ts.
    const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
    try {
      bundleHandler(handlerPath('api'), dir);
      const source = readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');
      expect(readFileSync(join(dir, 'jsqr.js'), 'utf8')).toBe(source);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.includes(source.slice(100_000, 100_200)), 'jsQR inlined into index.mjs').toBe(false);
      const jsQrPath = `/assets/jsqr.${createHash('sha256').update(source).digest('hex').slice(0, 10)}.js`;
      // Built at bundling, not by esbuild inside the Lambda (which has no esbuild): the file is what is served.
      const door = readFileSync(join(dir, 'client', 'checkin.js'), 'utf8');
      expect(code.includes(door.slice(0, 200)), 'door script inlined into index.mjs').toBe(false);
      const doorPath = `/assets/checkin.${createHash('sha256').update(door).digest('hex').slice(0, 10)}.js`;
      const request = (path: string) => ({
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
      });
      const script = `const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
        const out = [];
        for (const event of ${JSON.stringify([request(jsQrPath), request(`/acara/${event.id}/kalender.ics`), request(doorPath)])}) {
          const res = await handler(event, {});
          const body = res.isBase64Encoded ? Buffer.from(res.body, 'base64').toString() : res.body;
          out.push({ status: res.statusCode, type: res.headers['content-type'], body });
        }
        console.log(JSON.stringify(out));`;
      const [decoder, calendar, doorScript] = JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          env: {
            ...process.env,
            TABLE_NAME: store.tableName,
            DYNAMODB_ENDPOINT: testDynamoEndpoint(),
            AWS_REGION: 'ap-southeast-3',
            HADIR_TICKET_KEY: TEST_TICKET_KEY,
          },
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        }),
      );
      expect(decoder.status).toBe(200);
      expect(decoder.type).toContain('text/javascript');
      expect(decoder.body).toBe(source);
      expect(calendar.status).toBe(200);
      expect(calendar.type).toContain('text/calendar');
      expect(calendar.body).toContain('BEGIN:VCALENDAR');
      expect(calendar.body).toContain(`UID:${event.id}.event@hadir`);
      expect(doorScript.status).toBe(200);
      expect(doorScript.type).toContain('text/javascript');
      expect(doorScript.body).toBe(door);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the bundled email code', () => {
  it('renders every email exactly as under tsx, with only the legacy server renderer of React', async () => {
    const dir = mkdtempSync(join(process.cwd(), 'bench', '.out-'));
    try {
      const module = (path: string) =>
        JSON.stringify(fileURLToPath(new URL(`../../${path}`, import.meta.url)));
      const entry = join(dir, 'entry.ts');
      writeFileSync(
        entry,
        `import { previews } from ${module('emails/previews.ts')};
        import { renderEmail } from ${module('emails/render.ts')};
        const out = {};
        for (const [kind, { props }] of Object.entries(previews)) out[kind] = await renderEmail(kind, props);
        console.log(JSON.stringify(out));`,
      );
      const sizes = bundleHandler(entry, join(dir, 'out'));
      const inputs = Object.keys(sizes.metafile.inputs);
      // Production builds only (NODE_ENV is defined), and no streaming renderer (the alias in bundle.ts).
      const reactDom = inputs
        .filter((input) => input.includes('react-dom/cjs/'))
        .map((input) => basename(input));
      expect(reactDom.sort()).toEqual([
        'react-dom-server-legacy.node.production.js',
        'react-dom.production.js',
      ]);
      const bundled = JSON.parse(
        execFileSync(process.execPath, [join(dir, 'out', 'index.mjs')], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        }),
      );
      for (const [kind, { props }] of Object.entries(previews)) {
        expect(bundled[kind], kind).toEqual(await renderEmail(kind as EmailKind, props as never));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
