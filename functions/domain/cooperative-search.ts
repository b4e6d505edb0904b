import type { Cooperative } from './schemas';

/** Lowercase without diacritics and punctuation, so "Pelangsian", "pelangsian" and "PELANGSIAN" match. */
export const searchable = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Finds cooperatives by desa/kelurahan, kecamatan or cooperative name. Every word typed must match the start
 * of a word; matches on the village name come first, because that is what officers know their cooperative by.
 */
export function searchCooperatives(
  cooperatives: Cooperative[],
  {
    q = '',
    districtCode,
    limit = 50,
    withRegency = false,
  }: { q?: string; districtCode?: string; limit?: number; withRegency?: boolean },
): Cooperative[] {
  const terms = searchTerms(q);
  const scored: { cooperative: Cooperative; score: number }[] = [];
  for (const cooperative of cooperatives) {
    if (districtCode && cooperative.districtCode !== districtCode) continue;
    const village = ` ${searchable(cooperative.villageName)}`;
    // Across the country a word may name the regency too ("sumber makmur kotawaringin").
    const everything = ` ${searchable(
      `${cooperative.villageName} ${cooperative.districtName} ${cooperative.name}${withRegency ? ` ${cooperative.regencyName}` : ''}`,
    )}`;
    if (!terms.every((term) => everything.includes(` ${term}`))) continue;
    // Typing a regency's name ("kotawaringin barat") asks for that regency first, not for villages named Barat
    // in Kotawaringin Timur.
    const namesRegency =
      withRegency && terms.length > 0 && startsAWord(cooperative.regencyName, terms.join(' '));
    const score =
      terms.filter((term) => village.includes(` ${term}`)).length + (namesRegency ? terms.length + 1 : 0);
    scored.push({ cooperative, score });
  }
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.cooperative.districtName.localeCompare(b.cooperative.districtName) ||
        a.cooperative.villageName.localeCompare(b.cooperative.villageName),
    )
    .slice(0, limit)
    .map(({ cooperative }) => cooperative);
}

export const searchTerms = (q: string) => searchable(q).split(' ').filter(Boolean);

/**
 * The words a cooperative is found by across the country, each indexed once: its village's and its kecamatan's.
 * "Koperasi Desa Merah Putih" is every cooperative's name and would index all of them under the same words.
 */
export const searchWords = (cooperative: Pick<Cooperative, 'villageName' | 'districtName'>) => [
  ...new Set(searchTerms(`${cooperative.villageName} ${cooperative.districtName}`)),
];

/** Letters a word index is partitioned by: a typed term shorter than this cannot pick one partition. */
export const WORD_PREFIX = 3;

/**
 * Which typed term gathers the candidates of a national search: the one with the fewest matches (village or
 * kecamatan words found, plus every cooperative of the regencies whose name it matches). Terms shorter than
 * WORD_PREFIX only filter.
 */
export function candidateTerm(
  matches: { term: string; words: number; regencyCooperatives: number }[],
): string | undefined {
  const usable = matches.filter((m) => m.term.length >= WORD_PREFIX);
  usable.sort((a, b) => a.words + a.regencyCooperatives - (b.words + b.regencyCooperatives));
  return usable[0]?.term;
}

/** True when `term` starts a word of `name` (a regency's name, say). */
export const startsAWord = (name: string, term: string) => ` ${searchable(name)}`.includes(` ${term}`);
