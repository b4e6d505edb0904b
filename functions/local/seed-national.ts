import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../db/store';
import { directoryOf, loadAreaTables } from './area-directory';

/**
 * Loads the directory of a province (`--province 62`) or of the whole country (`--all`): every regency's
 * village-level cooperatives with their search and coverage figures. Resumable: each finished regency is written
 * to `progressFile`, and a run started again skips those; loading a regency twice writes the same items
 * (village codes are stable), so it is idempotent either way.
 */
export async function seedAreas(
  store: Store,
  scope: { province?: string; all?: boolean },
  progressFile: string,
  { parallel = 6, out = process.stderr }: { parallel?: number; out?: NodeJS.WriteStream } = {},
) {
  const started = Date.now();
  const tables = await loadAreaTables();
  const wanted = tables.regencies
    .filter((row) => scope.all || row.province_code === scope.province)
    .map((row) => row.code)
    .sort();
  if (!wanted.length) throw new Error(`No regencies for province ${scope.province} (expected e.g. 62)`);
  const done = new Set<string>(
    existsSync(progressFile) ? (JSON.parse(readFileSync(progressFile, 'utf8')).done as string[]) : [],
  );
  const todo = wanted.filter((code) => !done.has(code));
  let cooperatives = 0;
  let finished = wanted.length - todo.length;
  const bar = () => {
    const width = 30;
    const filled = Math.round((finished / wanted.length) * width);
    const seconds = Math.round((Date.now() - started) / 1000);
    out.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${finished}/${wanted.length} kabupaten/kota · ${cooperatives.toLocaleString('id-ID')} koperasi · ${seconds} s `,
    );
  };
  const save = () => {
    mkdirSync(dirname(progressFile), { recursive: true });
    writeFileSync(progressFile, JSON.stringify({ done: [...done].sort() }));
  };
  bar();
  const queue = [...todo];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let code = queue.shift(); code; code = queue.shift()) {
        const directory = directoryOf(code, tables);
        await store.cooperatives.importRegency(directory.regency, directory.cooperatives);
        cooperatives += directory.cooperatives.length;
        finished++;
        done.add(code);
        save();
        bar();
      }
    }),
  );
  out.write('\n');
  return {
    regencies: wanted.length,
    loaded: todo.length,
    cooperatives,
    seconds: (Date.now() - started) / 1000,
  };
}
