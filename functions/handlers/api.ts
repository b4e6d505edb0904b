import { handle } from 'hono/aws-lambda';
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
const app = createApp({
  store,
  rateLimiter: rateLimitTable ? createDynamoRateLimiter({ tableName: rateLimitTable }) : undefined,
  config: { runtime: 'aws', publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined },
});

export const handler = handle(app);
