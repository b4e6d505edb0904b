import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Runtime = 'local' | 'aws' | 'test';

const MIN_LENGTH = 32;

/** Where a server-side secret comes from outside AWS, and what a test run uses. */
export type LocalSecret = {
  /** The environment variable that overrides everything else. */
  variable: string;
  /** Its file in the data directory, generated on first use by `npm start`. */
  file: string;
  /** What breaks without it, for the error in AWS. */
  missing: string;
  forTests: () => string;
};

/**
 * A secret from its environment variable (filled from Secrets Manager or SSM in AWS); locally generated once and
 * kept in `.data/`, so a restart of `npm start` keeps working with the same value.
 */
export function loadLocalSecret(
  secret: LocalSecret,
  runtime: Runtime,
  env: NodeJS.ProcessEnv = process.env,
  dataDir = env.HADIR_DATA_DIR ?? join(process.cwd(), '.data'),
): string {
  const fromEnv = env[secret.variable]?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_LENGTH)
      throw new Error(`${secret.variable} must be at least ${MIN_LENGTH} characters`);
    return fromEnv;
  }
  if (runtime === 'aws') throw new Error(`${secret.variable} is not set: ${secret.missing}`);
  if (runtime === 'test') return secret.forTests();
  const file = join(dataDir, secret.file);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= MIN_LENGTH) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

/**
 * The secret that signs console session cookies: `HADIR_SESSION_SECRET`, or `.data/session-secret` locally; tests
 * get a fresh random one unless they pass their own.
 */
export const loadSessionSecret = (
  runtime: Runtime,
  env: NodeJS.ProcessEnv = process.env,
  dataDir?: string,
): string =>
  loadLocalSecret(
    {
      variable: 'HADIR_SESSION_SECRET',
      file: 'session-secret',
      missing: 'console sign-in cannot work',
      forTests: () => randomBytes(32).toString('base64url'),
    },
    runtime,
    env,
    dataDir,
  );

/**
 * Resolved on first use, so a Lambda without the secret still serves the public pages and none waits for it at
 * cold start. A failed resolution is not kept: the next request that needs the secret tries again.
 */
export function lazySecret(resolve: () => string | Promise<string>): () => Promise<string> {
  let value: Promise<string> | undefined;
  return () => {
    value ??= Promise.resolve()
      .then(resolve)
      .catch((error: unknown) => {
        value = undefined;
        throw error;
      });
    return value;
  };
}
