import { afterAll, inject } from 'vitest';
import { dropTablesMadeHere } from './store';

/**
 * The DynamoDB Local of the worker this file runs in (test/helpers/dynamo-setup.ts). A worker runs one file at a
 * time and every file makes tables with names of its own, so files never see each other's data; each file's
 * tables are dropped when it ends. Runs before every file, also where modules are kept from file to file.
 */
const endpoints = inject('dynamoEndpoints');
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
process.env.HADIR_TEST_DYNAMODB_ENDPOINT = endpoints[(worker - 1) % endpoints.length];
afterAll(dropTablesMadeHere);
