import { handle } from 'hono/aws-lambda';
import { loadSessionSecretFromAws } from '../auth/session-secret-aws';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { createApp } from '../http/app';
import { createDynamoRateLimiter } from '../http/rate-limit';

/** Built once per Lambda instance and reused by every request it serves. */
const tableName = process.env.TABLE_NAME ?? 'hadir';
const store = createStore(
  createDocumentClient({ tableName, endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName,
);
const rateLimitTable = process.env.RATE_LIMIT_TABLE;
const sessionSecret = await loadSessionSecretFromAws().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'error', message: 'session secret unavailable', error: String(error) }));
  return undefined; // public pages keep working; console sign-in reports the missing secret
});
const app = createApp({
  store,
  rateLimiter: rateLimitTable ? createDynamoRateLimiter({ tableName: rateLimitTable }) : undefined,
  config: { runtime: 'aws', publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined, sessionSecret },
});

export const handler = handle(app);
