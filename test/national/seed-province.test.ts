import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/db/keys';
import { searchWords } from '../../functions/domain/cooperative-search';
import { rowsOf, totalOf } from '../../functions/domain/coverage';
import type { Cooperative } from '../../functions/domain/schemas';
import { directoryOf, loadAreaTables } from '../../functions/local/area-directory';
import { ensureSearchWords, seedAreas } from '../../functions/local/seed-national';
import { createCoverageService } from '../../functions/services/coverage';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';

/** `npm run seed -- --province 62`: every regency of the province, its figures, resumed and repeated alike. */

let store: TestStore;
let expected: { regencies: string[]; cooperatives: number };
const quiet = { write: () => true } as unknown as NodeJS.WriteStream;

beforeAll(async () => {
  store = await createTestStore();
  const tables = await loadAreaTables();
  const regencies = tables.regencies.filter((r) => r.province_code === '62').map((r) => r.code);
  const districts = new Set(
    tables.districts.filter((d) => regencies.includes(d.regency_code)).map((d) => d.code),
  );
  expected = {
    regencies,
    cooperatives: tables.villages.filter((v) => districts.has(v.district_code)).length,
  };
});

const figures = async () => {
  const repo = createCoverageService(store).repo;
  const nation = rowsOf(await repo.nation()).find((row) => row.code === '62');
  const province = rowsOf(await repo.province('62'));
  return { nation: nation?.directory, province: totalOf(province).directory, regencies: province.length };
};

describe('seeding a province', () => {
  it('loads every regency, resumes after a cut-off and changes nothing when run again', async () => {
    const progress = join(mkdtempSync(join(tmpdir(), 'hadir-seed-')), 'progress.json');
    const first = await seedAreas(store, { province: '62' }, progress, { out: quiet });
    expect(first.cooperatives).toBe(expected.cooperatives);
    // Then as if a run had been cut off after its first three regencies, as its progress file tells.
    writeFileSync(progress, JSON.stringify({ done: expected.regencies.slice(0, 3) }));
    const resumed = await seedAreas(store, { province: '62' }, progress, { out: quiet });
    expect(resumed.loaded).toBe(expected.regencies.length - 3);
    expect(JSON.parse(readFileSync(progress, 'utf8')).done).toEqual([...expected.regencies].sort());
    const again = await seedAreas(store, { province: '62' }, progress, { out: quiet });
    expect(again.loaded).toBe(0);
    expect(await figures()).toEqual({
      nation: expected.cooperatives,
      province: expected.cooperatives,
      regencies: expected.regencies.length,
    });
    const kotim = await store.cooperatives.listByRegency('62.02');
    expect(kotim.length).toBeGreaterThan(100);
    expect((await store.cooperatives.findByWord('pelangsian')).cooperatives.map((c) => c.id)).toEqual([
      kotim.find((c) => c.villageName === 'Pelangsian')?.id,
    ]);
  }, 300_000);

  it('npm start indexes for the search a directory loaded before the search had its index', async () => {
    const older = await createTestStore();
    const { regency, cooperatives } = directoryOf('62.01', await loadAreaTables());
    // As the directory was written then: the regency and its cooperatives, no words.
    await older.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [older.tableName]: [
            {
              PutRequest: { Item: { ...keys.regency('62.01'), ...keys.regencyListing('62.01'), ...regency } },
            },
            ...cooperatives.slice(0, 20).map((c) => ({
              PutRequest: { Item: { ...keys.cooperative(c.id), ...c } },
            })),
          ],
        },
      }),
    );
    const village = searchWords(cooperatives[0] as Cooperative)[0] as string;
    expect((await older.cooperatives.findByWord(village)).cooperatives).toEqual([]);
    expect(await ensureSearchWords(older)).toBe(1);
    expect((await older.cooperatives.findByWord(village)).cooperatives.map((c) => c.id)).toContain(
      cooperatives[0]?.id,
    );
    expect(await ensureSearchWords(older)).toBe(0);
  });
});
