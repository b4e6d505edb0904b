import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DocumentClient } from './client';
import { isDynamoError } from './errors';
import { GSI1, GSI2, GSI3, GSI4, TABLE_KEYS, TTL_ATTRIBUTE } from './keys';

/**
 * The same table the CDK stack declares (infra/data-stack.ts), for DynamoDB Local and tests. `stream: false` is for
 * tests that never read the stream: DynamoDB Local keeps stream records of dropped tables, and every later write
 * to any table slowed down with them (500 writes went from 1 s to 17 s over 25 tables made and dropped).
 */
export function tableDefinition(tableName: string, { stream = true } = {}): CreateTableCommandInput {
  const index = (gsi: typeof GSI1 | typeof GSI2 | typeof GSI3 | typeof GSI4) => ({
    IndexName: gsi.name,
    KeySchema: [
      { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'keysOnly' in gsi ? ('KEYS_ONLY' as const) : ('ALL' as const) },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      TABLE_KEYS.partitionKey,
      TABLE_KEYS.sortKey,
      GSI1.partitionKey,
      GSI1.sortKey,
      GSI2.partitionKey,
      GSI2.sortKey,
      GSI3.partitionKey,
      GSI3.sortKey,
      GSI4.partitionKey,
      GSI4.sortKey,
    ].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [index(GSI1), index(GSI2), index(GSI3), index(GSI4)],
    ...(stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }),
  };
}

/** The rate limiter's counters (db/rate-limits-repo.ts): one item per key and window, expired by TTL. */
export function rateLimitTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'key', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
  };
}

/** True when the client talks to AWS itself, not to DynamoDB Local (or another endpoint given on purpose). */
export const talksToAws = (db: DocumentClient) =>
  !(db.config as { isCustomEndpoint?: boolean }).isCustomEndpoint;

/**
 * In AWS the data stack owns the table (retained, encrypted, PITR, with its alarms): a table made here would be a
 * stray copy that personal data flows into because a name was mistyped.
 */
export class NoSuchTableError extends Error {
  constructor(tableName: string | undefined) {
    super(
      `Table "${tableName}" does not exist in this AWS account and region. hadir never creates tables in AWS: ` +
        'deploy the data stack first, and use the TableName output of hadir-<stage>-data ' +
        '(cdk deploy --outputs-file cdk-outputs.json) or set TABLE_NAME to it.',
    );
    this.name = 'NoSuchTableError';
  }
}

/** Fails with NoSuchTableError unless the table exists; never creates it. */
export async function requireTable(db: DocumentClient, tableName: string): Promise<void> {
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (isDynamoError(error, 'ResourceNotFoundException')) throw new NoSuchTableError(tableName);
    throw error;
  }
}

/**
 * Creates a table as `definition` says, with TTL on `ttlAttribute`, unless it exists; true when it was created.
 * Only in DynamoDB Local: against AWS a missing table is an error (NoSuchTableError).
 */
async function ensure(
  db: DocumentClient,
  definition: CreateTableCommandInput,
  ttlAttribute: string,
): Promise<boolean> {
  try {
    await db.send(new DescribeTableCommand({ TableName: definition.TableName }));
    return false;
  } catch (error) {
    if (!isDynamoError(error, 'ResourceNotFoundException')) throw error;
  }
  if (talksToAws(db)) throw new NoSuchTableError(definition.TableName);
  await db.send(new CreateTableCommand(definition));
  await db.send(
    new UpdateTimeToLiveCommand({
      TableName: definition.TableName,
      TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
    }),
  );
  return true;
}

/** Creates the rate limiter's table if it is missing (DynamoDB Local; CDK creates it in AWS). */
export async function ensureRateLimitTable(db: DocumentClient, tableName: string): Promise<void> {
  await ensure(db, rateLimitTableDefinition(tableName), 'expire');
}

/** Creates the table if it is missing; returns true when it was created. */
export function ensureTable(db: DocumentClient, tableName: string, options?: { stream?: boolean }) {
  return ensure(db, tableDefinition(tableName, options), TTL_ATTRIBUTE);
}
