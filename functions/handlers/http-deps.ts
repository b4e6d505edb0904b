import { loadSessionSecretFromAws } from '../auth/session-secret-aws';
import { loadTicketKeyFromAws } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import type { AppDeps } from '../http/context';
import { createDynamoRateLimiter } from '../http/rate-limit';

/**
 * What both HTTP Lambdas are built from, once per instance: the table, the limiter, the session secret and the
 * ticket key. Without the ticket key the instance fails to start: no ticket could be issued or shown.
 */
export async function httpDepsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<AppDeps> {
  const tableName = env.TABLE_NAME ?? 'hadir';
  const store = createStore(createDocumentClient({ tableName, endpoint: env.DYNAMODB_ENDPOINT }), tableName, {
    ticketKey: await loadTicketKeyFromAws(env),
  });
  const sessionSecret = await loadSessionSecretFromAws().catch((error: unknown) => {
    console.error(
      JSON.stringify({ level: 'error', message: 'session secret unavailable', error: String(error) }),
    );
    return undefined; // public pages keep working; console sign-in reports the missing secret
  });
  return {
    store,
    rateLimiter: env.RATE_LIMIT_TABLE
      ? createDynamoRateLimiter({ tableName: env.RATE_LIMIT_TABLE })
      : undefined,
    config: { runtime: 'aws', publicBaseUrl: env.PUBLIC_BASE_URL || undefined, sessionSecret },
  };
}
