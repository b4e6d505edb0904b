import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Runtime = 'local' | 'aws' | 'test';

const MIN_LENGTH = 32;

/**
 * The secret that signs console session cookies. In AWS it comes from `HADIR_SESSION_SECRET` (filled from
 * Secrets Manager or SSM by the stack); locally it is generated once and kept in `.data/session-secret`, so
 * a restart of `npm start` keeps everyone signed in; tests get a fresh random one unless they pass their own.
 */
export function loadSessionSecret(
  runtime: Runtime,
  env: NodeJS.ProcessEnv = process.env,
  dataDir = env.HADIR_DATA_DIR ?? join(process.cwd(), '.data'),
): string {
  const fromEnv = env.HADIR_SESSION_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_LENGTH)
      throw new Error(`HADIR_SESSION_SECRET must be at least ${MIN_LENGTH} characters`);
    return fromEnv;
  }
  if (runtime === 'aws') throw new Error('HADIR_SESSION_SECRET is not set: console sign-in cannot work');
  if (runtime === 'test') return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= MIN_LENGTH) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

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
