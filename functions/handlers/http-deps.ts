import { loadSessionSecretFromAws } from '../auth/session-secret-aws';
import { loadTicketKeyFromAws } from '../auth/ticket-key';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import type { AppDeps } from '../http/context';
import { createDynamoRateLimiter } from '../services/rate-limiter';

/**
/**
 * What both HTTP Lambdas are built from, once per instance: the table, the limiter, the ticket key, and where the
 * session secret is read from on the first request that signs or checks a cookie (public pages and registrations
 * never need it). Without the ticket key the instance fails to start: no ticket could be issued or shown.
 */
export async function httpDepsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<AppDeps> {
  const tableName = env.TABLE_NAME ?? 'hadir';
  const doc = createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT });
  const store = createStore(doc, tableName, { ticketKey: await loadTicketKeyFromAws(env) });
  const loadSessionSecret = () =>
    loadSessionSecretFromAws(env).catch((error: unknown) => {
      console.error(
        JSON.stringify({ level: 'error', message: 'session secret unavailable', error: String(error) }),
      );
      throw error; // this request fails (sign-in, check-in); the next one tries again
    });
  return {
    store,
    rateLimiter: env.RATE_LIMIT_TABLE ? createDynamoRateLimiter(doc, env.RATE_LIMIT_TABLE) : undefined,
    config: { runtime: 'aws', publicBaseUrl: env.PUBLIC_BASE_URL || undefined, loadSessionSecret },
  };
}
