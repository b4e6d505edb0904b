import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Cooperative } from '../domain/schemas';
import type { DocumentClient } from './client';
import { createCoverageRepo } from './coverage-repo';
import { GSI1, keys, regencyOf, withoutKeys } from './keys';
import { batchWriteAll, queryAll } from './paging';

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
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :coop)',
      ExpressionAttributeValues: { ':pk': keys.regency(regencyCode).pk, ':coop': 'COOP#' },
    });
    return items.map((item) => withoutKeys(item) as Cooperative);
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
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: 'gsi1pk = :regencies',
        ExpressionAttributeValues: { ':regencies': 'REGENCIES' },
      });
      return items.map((item) => withoutKeys(item) as Regency);
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
      await batchWriteAll(
        doc,
        tableName,
        items.map((Item) => ({ PutRequest: { Item } })),
      );
      cache.delete(regency.code);
      const perDistrict = new Map<string, number>();
      for (const cooperative of cooperatives)
        perDistrict.set(cooperative.districtCode, (perDistrict.get(cooperative.districtCode) ?? 0) + 1);
      await createCoverageRepo(doc, tableName).recordDirectory(regency, perDistrict);
    },
  };
}

export type CooperativesRepo = ReturnType<typeof createCooperativesRepo>;
