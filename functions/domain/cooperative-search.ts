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
  { q = '', districtCode, limit = 50 }: { q?: string; districtCode?: string; limit?: number },
): Cooperative[] {
  const terms = searchable(q).split(' ').filter(Boolean);
  const scored: { cooperative: Cooperative; score: number }[] = [];
  for (const cooperative of cooperatives) {
    if (districtCode && cooperative.districtCode !== districtCode) continue;
    const village = ` ${searchable(cooperative.villageName)}`;
    const everything = ` ${searchable(`${cooperative.villageName} ${cooperative.districtName} ${cooperative.name}`)}`;
    if (!terms.every((term) => everything.includes(` ${term}`))) continue;
    const score = terms.filter((term) => village.includes(` ${term}`)).length;
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
