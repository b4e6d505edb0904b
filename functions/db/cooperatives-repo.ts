import type { Cooperative } from '../domain/schemas';
import { BatchWriteCommand, type DocumentClient, GetCommand, QueryCommand } from './document-client';
import { GSI1, keys, regencyOf, withoutKeys } from './keys';

export type District = { code: string; name: string };
export type Regency = { code: string; name: string; provinceName: string; districts: District[] };

/** The cooperative directory: one cooperative per village, grouped by regency (a few hundred per partition). */
export function createCooperativesRepo(doc: DocumentClient, tableName: string) {
  /**
   * Directory data changes only when seeding; a warm Lambda or the local server keeps each regency for a minute.
   * The promise is cached, so concurrent searches of one regency load it once.
   */
  const cache = new Map<string, { at: number; cooperatives: Promise<Cooperative[]> }>();
  const CACHE_MS = 60_000;

  async function queryRegency(regencyCode: string): Promise<Cooperative[]> {
    const cooperatives: Cooperative[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :coop)',
          ExpressionAttributeValues: { ':pk': keys.regency(regencyCode).pk, ':coop': 'COOP#' },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) cooperatives.push(withoutKeys(item) as Cooperative);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return cooperatives;
  }

  function listByRegency(regencyCode: string): Promise<Cooperative[]> {
    const cached = cache.get(regencyCode);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.cooperatives;
    const cooperatives = queryRegency(regencyCode);
    cache.set(regencyCode, { at: Date.now(), cooperatives });
    // A failed load is not remembered: the next caller tries again.
    cooperatives.catch(() => cache.delete(regencyCode));
    return cooperatives;
  }

  return {
    listByRegency,

    async get(cooperativeId: string): Promise<Cooperative | undefined> {
      // A warm instance answers from the regency it already holds (the form search loaded it).
      const cached = cache.get(regencyOf(cooperativeId));
      if (cached && Date.now() - cached.at < CACHE_MS)
        return (await cached.cooperatives).find((c) => c.id === cooperativeId);
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.cooperative(cooperativeId) }),
      );
      return Item ? (withoutKeys(Item) as Cooperative) : undefined;
    },

    async getRegency(regencyCode: string): Promise<Regency | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.regency(regencyCode) }),
      );
      return Item ? (withoutKeys(Item) as Regency) : undefined;
    },

    async listRegencies(): Promise<Regency[]> {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI1.name,
          KeyConditionExpression: 'gsi1pk = :regencies',
          ExpressionAttributeValues: { ':regencies': 'REGENCIES' },
        }),
      );
      return Items.map((item) => withoutKeys(item) as Regency);
    },

    /** Loads a regency's directory; re-running it overwrites the same items (village codes are stable). */
    async importRegency(regency: Regency, cooperatives: Cooperative[]): Promise<void> {
      const items = [
        { ...keys.regency(regency.code), ...keys.regencyListing(regency.code), ...regency },
        ...cooperatives.map((cooperative) => {
          if (regencyOf(cooperative.id) !== regency.code)
            throw new Error(`${cooperative.id} is not in ${regency.code}`);
          return { ...keys.cooperative(cooperative.id), ...cooperative };
        }),
      ];
      for (let i = 0; i < items.length; i += 25) {
        let request = { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
        // Unprocessed items come back under load; resend them until none are left.
        while (Object.keys(request).length) {
          const { UnprocessedItems } = await doc.send(new BatchWriteCommand({ RequestItems: request }));
          request = (UnprocessedItems ?? {}) as typeof request;
        }
      }
      cache.delete(regency.code);
    },
  };
}

export type CooperativesRepo = ReturnType<typeof createCooperativesRepo>;
