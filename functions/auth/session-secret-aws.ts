import type { ParameterReader } from './ssm-parameter';

const MIN_LENGTH = 32;

/**
 * A secret the stack generates in Secrets Manager and names in an environment variable as Parameter Store's
 * read-only reference (`/aws/reference/secretsmanager/<secret>`), so the SSM client reads either a SecureString
 * parameter or that secret. Read once per Lambda instance and cached; the HTTP functions read the session secret
 * on the first request that signs or checks a cookie, not at cold start. Resolves to undefined when the variable is
 * unset (local runs, tests); rejects when the read fails or the value is too short, and a later call tries again.
 */
export function secretParameter(variable: string, label: string) {
  let cached: Promise<string | undefined> | undefined;
  const load = (env: NodeJS.ProcessEnv = process.env, client?: ParameterReader) => {
    cached ??= read(variable, label, env, client).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
  /** Forgets the cached value (tests). */
  const reset = () => {
    cached = undefined;
  };
  return { load, reset };
}

async function read(
  variable: string,
  label: string,
  env: NodeJS.ProcessEnv,
  client?: ParameterReader,
): Promise<string | undefined> {
  const name = env[variable]?.trim();
  if (!name) return undefined;
  // Imported here, so a function loads the SSM client only when it reads the secret.
  const { readDecryptedParameter } = await import('./ssm-parameter');
  const value = (await readDecryptedParameter(name, client))?.trim() ?? '';
  if (value.length < MIN_LENGTH)
    throw new Error(`${label} ${name} must be at least ${MIN_LENGTH} characters`);
  return value;
}

const sessionSecret = secretParameter('SESSION_SECRET_PARAMETER', 'session secret');

/** The cookie-signing secret in AWS (`SESSION_SECRET_PARAMETER`). */
export const loadSessionSecretFromAws = sessionSecret.load;

/** Forgets the cached value (tests). */
export const resetSessionSecretCache = sessionSecret.reset;
