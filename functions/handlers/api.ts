import { handle } from 'hono/aws-lambda';
import { createDocumentClient } from '../db/client';
import { createStore } from '../db/store';
import { createApp } from '../http/app';

/** Built once per Lambda instance and reused by every request it serves. */
const tableName = process.env.TABLE_NAME ?? 'hadir';
const store = createStore(
  createDocumentClient({ tableName, endpoint: process.env.DYNAMODB_ENDPOINT }),
  tableName,
);
const app = createApp({
  store,
  config: { runtime: 'aws', publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined },
});

export const handler = handle(app);
