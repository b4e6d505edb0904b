import { beforeAll, describe, expect, it } from 'vitest';
import { directoryOf, loadAreaTables } from '../../functions/local/area-directory';
import { createConsoleApp } from '../admin/helpers';
import type { TestStore } from '../helpers/store';
import { createTestStore } from '../helpers/store';

/**
 * The cooperative search without a regency, over several loaded regencies: exact by village, kecamatan and
 * regency, the regency shown for the villages of the same name, and no request reads a whole regency's
 * directory unless the regency is what was typed.
 */

let store: TestStore;
let app: ReturnType<typeof createConsoleApp>;
let otherSumberMakmur: string;
const queries: { table?: string; pk?: unknown }[] = [];

type Found = {
  id: string;
  villageName: string;
  districtName: string;
  regencyCode: string;
  regencyName: string;
};
const search = async (q: string): Promise<Found[]> =>
  (await (await app.request(`/api/cooperatives?q=${encodeURIComponent(q)}`)).json()).cooperatives;

beforeAll(async () => {
  store = await createTestStore();
  const tables = await loadAreaTables();
  // Another regency with a village called Sumber Makmur, besides Kotim's.
  const districtRegency = new Map(tables.districts.map((d) => [d.code, d.regency_code]));
  otherSumberMakmur = districtRegency.get(
    tables.villages.find((v) => v.name.toUpperCase() === 'SUMBER MAKMUR' && !v.code.startsWith('62.02.'))
      ?.district_code as string,
  ) as string;
  for (const code of ['62.02', '62.01', otherSumberMakmur]) {
    const { regency, cooperatives } = directoryOf(code, tables);
    await store.cooperatives.importRegency(regency, cooperatives);
  }
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand' || context.commandName === 'ScanCommand') {
        const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
        queries.push({ table: context.commandName, pk: input.ExpressionAttributeValues?.[':pk'] });
      }
      return next(args);
    },
    { step: 'initialize', name: 'countQueries' },
  );
  app = createConsoleApp(store);
}, 120_000);

describe('national cooperative search', () => {
  it('finds every Sumber Makmur, each with its regency, and only those', async () => {
    const found = await search('sumber makmur');
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((c) => c.villageName.toLowerCase().includes('sumber makmur'))).toBe(true);
    const regencies = new Set(found.map((c) => c.regencyCode));
    expect(regencies).toEqual(new Set(['62.02', otherSumberMakmur]));
    expect(found.every((c) => c.regencyName.length > 0)).toBe(true);
  });

  it('narrows by the regency typed with the village', async () => {
    const found = await search('sumber makmur kotawaringin timur');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.regencyCode === '62.02' && c.villageName === 'Sumber Makmur')).toBe(true);
  });

  it('finds by kecamatan, and by a regency alone', async () => {
    const baamang = await search('baamang');
    expect(baamang.length).toBeGreaterThan(0);
    expect(baamang.every((c) => c.districtName === 'Baamang' || c.villageName.includes('Baamang'))).toBe(
      true,
    );
    const kobar = await search('kotawaringin barat');
    expect(kobar.length).toBeGreaterThan(0);
    // Kotawaringin Barat's cooperatives first: its name was typed, not villages called Barat elsewhere.
    expect(kobar.slice(0, 40).every((c) => c.regencyCode === '62.01')).toBe(true);
  });

  it('matches the start of words, not their middle, and wants three letters', async () => {
    expect(await search('angsian')).toEqual([]);
    expect((await search('pelang')).map((c) => c.villageName)).toContain('Pelangsian');
    expect(await search('pe')).toEqual([]);
  });

  it('queries the word index, never a scan, and no regency directory for a village name', async () => {
    queries.length = 0;
    await search('pelangsian');
    expect(queries.some((q) => q.table === 'ScanCommand')).toBe(false);
    expect(queries.some((q) => String(q.pk).startsWith('REGENCY#'))).toBe(false);
    expect(queries.some((q) => String(q.pk).startsWith('COOPWORD#'))).toBe(true);
  });
});
