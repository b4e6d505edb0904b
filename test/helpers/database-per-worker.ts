import { inject } from 'vitest';

/**
 * The DynamoDB Local of the worker this file runs in (test/helpers/dynamo-setup.ts). A worker runs one file at a
 * time and every file makes tables with names of its own, so files never see each other's data.
 */
const endpoints = inject('dynamoEndpoints');
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
process.env.HADIR_TEST_DYNAMODB_ENDPOINT = endpoints[(worker - 1) % endpoints.length];
