import { afterAll, beforeAll, inject } from 'vitest';
import { waitUntilReady } from '../../functions/local/dynamo-local';
import { dropTablesMadeHere } from './store';

/**
 * The DynamoDB Local of the worker this file runs in (test/helpers/dynamo-setup.ts). A worker runs one file at a
 * time and every file makes tables with names of its own, so files never see each other's data; each file's
 * tables are dropped when it ends. Runs before every file, also where modules are kept from file to file.
 */
const endpoints = inject('dynamoEndpoints');
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
const endpoint = endpoints[(worker - 1) % endpoints.length] as string;
process.env.HADIR_TEST_DYNAMODB_ENDPOINT = endpoint;

// The run starts its databases without waiting for them (test/helpers/dynamo-setup.ts): a worker's first file
// waits until its instance answers, once per worker process.
const started = globalThis as { hadirDynamoReady?: Promise<void> };
beforeAll(() => {
  started.hadirDynamoReady ??= waitUntilReady(endpoint, undefined, 120_000);
  return started.hadirDynamoReady;
}, 180_000);
afterAll(dropTablesMadeHere);
