import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  paginateQuery,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client';

type Item = Record<string, unknown>;
type Key = Record<string, unknown>;
export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * Every item a query matches, however many pages (1 MB or `Limit` each) it takes: the SDK's paginator follows
 * LastEvaluatedKey to the end. A `Limit` in `input` only sets the page size.
 */
export async function queryAll(doc: DocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  const { Limit: pageSize, ...query } = input;
  for await (const page of paginateQuery({ client: doc, ...(pageSize ? { pageSize } : {}) }, query)) {
    items.push(...(page.Items ?? []));
  }
  return items;
}

/**
 * One deliberate page of a paged screen: at most `limit` items from `cursor` on, and the cursor of the next page
 * when there is one. It keeps reading while DynamoDB's 1 MB pages come back short, so a page is never cut.
 */
export async function queryPage(
  doc: DocumentClient,
  input: QueryCommandInput,
  limit: number,
  cursor?: Key,
): Promise<{ items: Item[]; next?: Key }> {
  const items: Item[] = [];
  let startKey = cursor;
  do {
    const page = await doc.send(
      new QueryCommand({
        ...input,
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return { items, next: startKey };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * DynamoDB hands back what it could not process when a partition is busy. Resending at once would meet the same
 * busy partition, so each round waits longer (capped exponential backoff with full jitter), as AWS advises.
 */
async function untilProcessed<T>(
  send: (pending: T) => Promise<T | undefined>,
  first: T,
  { maxRounds = 12 }: { maxRounds?: number } = {},
) {
  let pending: T | undefined = first;
  for (let round = 0; pending; round++) {
    if (round >= maxRounds) throw new Error('DynamoDB left batch items unprocessed after every retry');
    if (round > 0) await sleep(Math.random() * Math.min(2_000, 25 * 2 ** round));
    pending = await send(pending);
  }
}

/** Reads any number of keys in batches of 100; the items come back in no particular order. */
export async function batchGetAll(
  doc: DocumentClient,
  tableName: string,
  keys: Key[],
  options: Omit<NonNullable<BatchGetCommandInput['RequestItems']>[string], 'Keys'> = {},
): Promise<Item[]> {
  const items: Item[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    await untilProcessed(
      async (pending: Key[]) => {
        const { Responses, UnprocessedKeys } = await doc.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { ...options, Keys: pending } } }),
        );
        items.push(...(Responses?.[tableName] ?? []));
        const left = UnprocessedKeys?.[tableName]?.Keys;
        return left?.length ? left : undefined;
      },
      keys.slice(i, i + 100),
    );
  }
  return items;
}

/**
 * Writes any number of put and delete requests in batches of 25, `concurrency` batches at a time (loading a
 * directory of a few hundred thousand items one batch at a time would wait on every round trip).
 */
export async function batchWriteAll(
  doc: DocumentClient,
  tableName: string,
  requests: WriteRequest[],
  { concurrency = 1 }: { concurrency?: number } = {},
) {
  let next = 0;
  const writeBatches = async () => {
    for (let i = next; i < requests.length; i = next) {
      next = i + 25;
      await untilProcessed(
        async (pending: WriteRequest[]) => {
          const { UnprocessedItems } = await doc.send(
            new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
          );
          const left = UnprocessedItems?.[tableName];
          return left?.length ? left : undefined;
        },
        requests.slice(i, i + 25),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, writeBatches));
}

/** A page cursor for a URL: the last key read, opaque to the client. */
export function encodeCursor(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** A cursor from a URL; anything that is not one we made reads as the first page. */
export function decodeCursor(cursor: string | undefined): Key | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      key &&
      typeof key === 'object' &&
      !Array.isArray(key) &&
      Object.values(key).every((v) => typeof v === 'string');
    return valid ? key : undefined;
  } catch {
    return undefined;
  }
}
