import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../db/store';
import { searchWords, WORD_PREFIX } from '../domain/cooperative-search';
import { directoryOf, loadAreaTables } from './area-directory';

/**
 * Loads the directory of a province (`--province 62`) or of the whole country (`--all`): every regency's
 * village-level cooperatives with their search words and coverage figures. The area data is read once and
 * indexed by regency; several regencies are written side by side, each in parallel batches, and their figures
 * are set outright (no transaction on the shared province and nation items, which made parallel regencies wait
 * on each other). Resumable: each finished regency is written to `progressFile`, and a run started again skips
 * those; loading a regency twice writes the same items, so it is idempotent either way.
 */
export async function seedAreas(
  store: Store,
  scope: { province?: string; all?: boolean },
  progressFile: string,
  {
    parallel = 4,
    batches = 4,
    out = process.stderr,
  }: { parallel?: number; batches?: number; out?: NodeJS.WriteStream } = {},
) {
  const started = Date.now();
  const tables = await loadAreaTables();
  const wanted = tables.regencies
    .filter((row) => scope.all || row.province_code === scope.province)
    .map((row) => row.code)
    .sort();
  if (!wanted.length) throw new Error(`No regencies for province ${scope.province} (expected e.g. 62)`);
  // One pass over the tables instead of a filter of all 84,000 villages for each of 514 regencies.
  const byRegency = groupTables(tables);
  const done = new Set<string>(
    existsSync(progressFile) ? (JSON.parse(readFileSync(progressFile, 'utf8')).done as string[]) : [],
  );
  const todo = wanted.filter((code) => !done.has(code));
  const total = wanted.reduce((sum, code) => sum + (byRegency.get(code)?.villages.length ?? 0), 0);
  let cooperatives = 0;
  let loaded = wanted
    .filter((code) => done.has(code))
    .reduce((sum, code) => sum + (byRegency.get(code)?.villages.length ?? 0), 0);
  let finished = wanted.length - todo.length;
  const bar = () => {
    const width = 30;
    const filled = Math.round((loaded / Math.max(1, total)) * width);
    const seconds = Math.round((Date.now() - started) / 1000);
    out.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${finished}/${wanted.length} kabupaten/kota · ${loaded.toLocaleString('id-ID')}/${total.toLocaleString('id-ID')} koperasi · ${seconds} s `,
    );
  };
  const save = () => {
    mkdirSync(dirname(progressFile), { recursive: true });
    writeFileSync(progressFile, JSON.stringify({ done: [...done].sort() }));
  };
  const coverage = store.coverage;
  bar();
  const ticker = setInterval(bar, 1000);
  try {
    const queue = [...todo];
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let code = queue.shift(); code; code = queue.shift()) {
          const directory = directoryOf(code, byRegency.get(code) ?? tables);
          await store.cooperatives.writeRegency(directory.regency, directory.cooperatives, {
            concurrency: batches,
          });
          const perDistrict = new Map<string, number>();
          for (const cooperative of directory.cooperatives)
            perDistrict.set(cooperative.districtCode, (perDistrict.get(cooperative.districtCode) ?? 0) + 1);
          await coverage.setDirectory(directory.regency, perDistrict);
          cooperatives += directory.cooperatives.length;
          loaded += directory.cooperatives.length;
          finished++;
          done.add(code);
          save();
        }
      }),
    );
    // The nation's figure of each province from its item: also right after a run that was cut off and resumed.
    const provinces = [...new Set(wanted.map((code) => code.slice(0, 2)))];
    for (const code of provinces) {
      const first = wanted.find((regency) => regency.startsWith(`${code}.`)) as string;
      const { provinceName } = directoryOf(first, byRegency.get(first) ?? tables).regency;
      await coverage.settleProvinceDirectory(code, provinceName || code);
    }
  } finally {
    clearInterval(ticker);
    bar();
    out.write('\n');
  }
  return {
    regencies: wanted.length,
    loaded: todo.length,
    cooperatives,
    seconds: (Date.now() - started) / 1000,
  };
}

type Tables = Awaited<ReturnType<typeof loadAreaTables>>;

/** Each regency's own rows of the area tables (its province, itself, its kecamatan, their villages). */
function groupTables(tables: Tables): Map<string, Tables> {
  const groups = new Map<string, Tables>();
  const districtRegency = new Map<string, string>();
  for (const regency of tables.regencies) {
    groups.set(regency.code, {
      provinces: tables.provinces.filter((row) => row.code === regency.province_code),
      regencies: [regency],
      districts: [],
      villages: [],
    });
  }
  for (const district of tables.districts) {
    groups.get(district.regency_code)?.districts.push(district);
    districtRegency.set(district.code, district.regency_code);
  }
  for (const village of tables.villages) {
    const regency = districtRegency.get(village.district_code);
    if (regency) groups.get(regency)?.villages.push(village);
  }
  return groups;
}

/**
 * A local table seeded before the national search had its word index lacks it: each loaded regency's directory is
 * written again (the same items, plus their words). One probe query when nothing is missing.
 */
export async function ensureSearchWords(store: Store): Promise<number> {
  const regencies = await store.cooperatives.listRegencies();
  const probe = regencies[0] && (await store.cooperatives.listByRegency(regencies[0].code))[0];
  if (!probe) return 0;
  const word = searchWords(probe).find((w) => w.length >= WORD_PREFIX);
  if (
    !word ||
    (await store.cooperatives.findByWord(word, { limit: 50 })).cooperatives.some((c) => c.id === probe.id)
  )
    return 0;
  for (const regency of regencies)
    await store.cooperatives.writeRegency(regency, await store.cooperatives.listByRegency(regency.code), {
      concurrency: 4,
    });
  return regencies.length;
}
