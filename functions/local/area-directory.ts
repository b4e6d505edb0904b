import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Regency } from '../db/cooperatives-repo';
import type { Cooperative } from '../domain/schemas';

/** Abbreviations the area data writes in capitals that stay so: "DKI JAKARTA" -> "DKI Jakarta". */
const ACRONYMS = new Set(['DKI']);

/** "KABUPATEN KOTAWARINGIN TIMUR" -> "Kabupaten Kotawaringin Timur" */
const titleCase = (text: string) =>
  text
    .toLowerCase()
    .replace(/(^|[\s\-(/])(\p{L})/gu, (_match, lead: string, letter: string) => lead + letter.toUpperCase())
    .replace(/\p{L}+/gu, (word) => (ACRONYMS.has(word.toUpperCase()) ? word.toUpperCase() : word));

/**
 * The official village list (idn-area-data, ODbL) seeds the cooperative directory: every desa and kelurahan
 * founds one Koperasi Merah Putih. The last code segment starts with 1 for a kelurahan, 2 or 3 for a desa.
 */
export async function loadRegencyDirectory(
  regencyCode: string,
): Promise<{ regency: Regency; cooperatives: Cooperative[] }> {
  return directoryOf(regencyCode, await loadAreaTables());
}

type AreaTables = {
  provinces: { code: string; name: string }[];
  regencies: { code: string; province_code: string; name: string }[];
  districts: { code: string; regency_code: string; name: string }[];
  villages: { code: string; district_code: string; name: string }[];
};

let areaTables: Promise<AreaTables> | undefined;

/**
 * The whole area data (about 84,000 villages), parsed once per process and shared, so callers must not change it.
 * Parsing takes a fifth of a second: seeding a province, or the test run's seeds, would otherwise repeat it for
 * every regency.
 */
export function loadAreaTables(): Promise<AreaTables> {
  areaTables ??= Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]).then(
    ([provinces, regencies, districts, villages]) =>
      ({ provinces, regencies, districts, villages }) as AreaTables,
  );
  // A failed read is not kept: the next caller reads again.
  areaTables.catch(() => {
    areaTables = undefined;
  });
  return areaTables;
}

/** One regency's directory from tables already read. */
export function directoryOf(
  regencyCode: string,
  { provinces, regencies, districts, villages }: AreaTables,
): { regency: Regency; cooperatives: Cooperative[] } {
  const regencyRow = regencies.find((row) => row.code === regencyCode);
  if (!regencyRow) throw new Error(`Unknown regency code ${regencyCode} (expected e.g. 62.02)`);
  const provinceName = titleCase(provinces.find((row) => row.code === regencyRow.province_code)?.name ?? '');
  const regencyDistricts = districts
    .filter((row) => row.regency_code === regencyCode)
    .map((row) => ({ code: row.code, name: row.name }));
  const districtNames = new Map(regencyDistricts.map((district) => [district.code, district.name]));
  const regency: Regency = {
    code: regencyCode,
    name: titleCase(regencyRow.name),
    provinceName,
    districts: regencyDistricts,
  };
  const cooperatives = villages
    .filter((row) => districtNames.has(row.district_code))
    .map((row): Cooperative => {
      const villageType = row.code.split('.')[3]?.startsWith('1') ? 'kelurahan' : 'desa';
      const prefix =
        villageType === 'kelurahan' ? 'Koperasi Kelurahan Merah Putih' : 'Koperasi Desa Merah Putih';
      return {
        id: row.code,
        name: `${prefix} ${row.name}`,
        villageCode: row.code,
        villageName: row.name,
        villageType,
        districtCode: row.district_code,
        districtName: districtNames.get(row.district_code) ?? '',
        regencyCode,
        regencyName: regency.name,
      };
    });
  return { regency, cooperatives };
}
