import type { TestProject } from 'vitest/node';
import { type LocalDynamo, startDynamoLocal } from '../../functions/local/dynamo-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole run; every test file creates its own table in it. Each project that
 * needs it runs this setup, all in the main process: the first starts the database, the last one's teardown stops it.
 */
const shared = globalThis as { hadirDynamo?: { started: Promise<LocalDynamo>; users: number } };

export default async function setup(project: TestProject) {
  shared.hadirDynamo ??= { started: startDynamoLocal(), users: 0 };
  const handle = shared.hadirDynamo;
  handle.users++;
  const dynamo = await handle.started;
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    handle.users--;
    if (handle.users > 0) return;
    shared.hadirDynamo = undefined;
    await dynamo.stop();
  };
}
