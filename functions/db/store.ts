import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCooperativesRepo } from './cooperatives-repo';
import { createEventsRepo } from './events-repo';
import { createRegistrationsRepo } from './registrations-repo';

/** Every repository over one table and one client: what the app, workers and tests are given. */
export function createStore(doc: DynamoDBDocumentClient, tableName: string) {
  return {
    doc,
    tableName,
    events: createEventsRepo(doc, tableName),
    cooperatives: createCooperativesRepo(doc, tableName),
    registrations: createRegistrationsRepo(doc, tableName),
  };
}

export type Store = ReturnType<typeof createStore>;
