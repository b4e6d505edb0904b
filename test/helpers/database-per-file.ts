import { afterAll } from 'vitest';
import { startDynamoLocal } from '../../functions/local/dynamo-local';

/**
 * Every test file gets a DynamoDB Local of its own, started before its tests and stopped after them. One instance
 * shared by a whole run slowed down as it went (a simple ListTables took 150 ms after a hundred files had come and
 * gone), until set-ups passed their time limits; a fresh one costs two seconds and answers in milliseconds.
 */
const dynamo = await startDynamoLocal();
process.env.HADIR_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
afterAll(() => dynamo.stop());
