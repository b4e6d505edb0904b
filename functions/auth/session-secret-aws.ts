import type { ParameterReader } from './ssm-parameter';

const MIN_LENGTH = 32;

let cached: Promise<string | undefined> | undefined;

/**
 * The cookie-signing secret in AWS, read once per Lambda instance (cold start) and cached. The stack generates it
 * in Secrets Manager and names it in `SESSION_SECRET_PARAMETER` as Parameter Store's read-only reference
 * (`/aws/reference/secretsmanager/<secret>`), so the SSM client reads either a SecureString parameter or that
 * secret. Resolves to undefined when the variable is unset (local runs, tests); rejects when the read fails or the
 * value is too short, and a later call tries again. The HTTP functions call it on the first request that signs or
 * checks a cookie, not at cold start: registrations and public pages never wait for Parameter Store.
 */
export function loadSessionSecretFromAws(
  env: NodeJS.ProcessEnv = process.env,
  client?: ParameterReader,
): Promise<string | undefined> {
  cached ??= read(env, client).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function read(env: NodeJS.ProcessEnv, client?: ParameterReader): Promise<string | undefined> {
  const name = env.SESSION_SECRET_PARAMETER?.trim();
  if (!name) return undefined;
  // Imported here, so a function loads the SSM client only when it reads the secret.
  const { readDecryptedParameter } = await import('./ssm-parameter');
  const value = (await readDecryptedParameter(name, client))?.trim() ?? '';
  if (value.length < MIN_LENGTH)
    throw new Error(`session secret ${name} must be at least ${MIN_LENGTH} characters`);
  return value;
}

/** Forgets the cached value (tests). */
export function resetSessionSecretCache(): void {
  cached = undefined;
}
