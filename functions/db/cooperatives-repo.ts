import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { searchWords } from '../domain/cooperative-search';
import type { Cooperative } from '../domain/schemas';
import type { DocumentClient } from './client';
import { createCoverageRepo } from './coverage-repo';
import { directoryKeys } from './directory-keys';
import { GSI1, keys, regencyOf, withoutKeys } from './keys';
import { batchWriteAll, queryAll, queryPage } from './paging';

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

  /** What a word item carries: the cooperative as a search shows it, regency included for homonyms. */
  const wordItem = (word: string, c: Cooperative) => ({
    ...directoryKeys.word(word, c.id),
    id: c.id,
    name: c.name,
    villageCode: c.villageCode,
    villageName: c.villageName,
    villageType: c.villageType,
    districtCode: c.districtCode,
    districtName: c.districtName,
    regencyCode: c.regencyCode,
    regencyName: c.regencyName,
  });

  let regencies: { at: number; list: Promise<Regency[]> } | undefined;

  /**
   * A regency's directory items (its item, its cooperatives, their search words), `concurrency` batches at a
   * time. Re-running it overwrites the same items (village codes and names are stable).
   *
   * The words are three quarters of the items and serve only the search across regencies: `withSearchWords: false`
   * leaves them out for a regency that will only ever be found through itself (its form, its door, its console),
   * which is what most tests need of Kotim.
   */
  async function writeRegency(
    regency: Regency,
    cooperatives: Cooperative[],
    { concurrency = 1, withSearchWords = true } = {},
  ) {
    const items = [
      { ...keys.regency(regency.code), ...keys.regencyListing(regency.code), ...regency },
      ...cooperatives.flatMap((cooperative) => {
        if (regencyOf(cooperative.id) !== regency.code)
          throw new Error(`${cooperative.id} is not in ${regency.code}`);
        const words = withSearchWords ? searchWords(cooperative) : [];
        return [
          { ...keys.cooperative(cooperative.id), ...cooperative },
          ...words.map((word) => wordItem(word, cooperative)),
        ];
      }),
    ];
    await batchWriteAll(
      doc,
      tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
      { concurrency },
    );
    cache.delete(regency.code);
    regencies = undefined;
  }

  return {
    listByRegency,
    writeRegency,

    /**
     * Cooperatives anywhere in the country with a village or kecamatan word starting with `term` (at least three
     * letters), a page at a time: one partition of the word index, however many regencies are loaded. A
     * cooperative with two such words comes twice; the caller keeps one.
     */
    async findByWord(
      term: string,
      { limit = 250, cursor }: { limit?: number; cursor?: Record<string, unknown> } = {},
    ): Promise<{ cooperatives: Cooperative[]; next?: Record<string, unknown> }> {
      const { pk, skPrefix } = directoryKeys.wordsStartingWith(term);
      const { items, next } = await queryPage(
        doc,
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :term)',
          ExpressionAttributeValues: { ':pk': pk, ':term': skPrefix },
        },
        limit,
        cursor,
      );
      return { cooperatives: items.map((item) => withoutKeys(item) as Cooperative), next };
    },

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

    /** Every loaded regency; like a regency's directory, kept a minute by a warm instance. */
    listRegencies(): Promise<Regency[]> {
      if (regencies && Date.now() - regencies.at < CACHE_MS) return regencies.list;
      const list = queryAll(doc, {
        TableName: tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: 'gsi1pk = :regencies',
        ExpressionAttributeValues: { ':regencies': 'REGENCIES' },
      }).then((items) => items.map((item) => withoutKeys(item) as Regency));
      regencies = { at: Date.now(), list };
      list.catch(() => {
        regencies = undefined;
      });
      return list;
    },

    /** Loads a regency's directory and its coverage figures; re-running it changes nothing. */
    async importRegency(
      regency: Regency,
      cooperatives: Cooperative[],
      { withSearchWords = true } = {},
    ): Promise<void> {
      await writeRegency(regency, cooperatives, { concurrency: 4, withSearchWords });
      const perDistrict = new Map<string, number>();
      for (const cooperative of cooperatives)
        perDistrict.set(cooperative.districtCode, (perDistrict.get(cooperative.districtCode) ?? 0) + 1);
      await createCoverageRepo(doc, tableName).recordDirectory(regency, perDistrict);
    },
  };
}

export type CooperativesRepo = ReturnType<typeof createCooperativesRepo>;
