import type { RosterEntry } from './door-types';

/** The most officers a search lists: the door needs the one in front of it, not a report. */
export const SEARCH_LIMIT = 25;

/** Lower case without accents, so "Sumbawa" finds "sumbawa" and "é" finds "e". */
export function normalize(value: unknown): string {
  return String(value ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Whether typed digits fit a masked phone (`+62812****5678`): the start or the end of the number, or both around
 * the mask. A leading 0 is the national form of 62.
 */
export function phoneMatches(masked: string | undefined, query: string): boolean {
  let digits = query.replace(/\D/g, '');
  if (digits.length < 3 || !masked) return false;
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  const parts = masked.split('*');
  const head = (parts[0] ?? '').replace(/\D/g, '');
  const tail = (parts[parts.length - 1] ?? '').replace(/\D/g, '');
  return (
    head.startsWith(digits) || tail.endsWith(digits) || (digits.startsWith(head) && digits.endsWith(tail))
  );
}

/** Whether the query has anything to search for. */
export function searchWords(query: string): string[] {
  return normalize(query).split(/\s+/).filter(Boolean);
}

/** Officers whose name, cooperative, village and district hold every word typed, or whose phone fits the digits. */
export function searchPeople(
  entries: Iterable<RosterEntry>,
  query: string,
  limit = SEARCH_LIMIT,
): RosterEntry[] {
  const words = searchWords(query);
  if (!words.length) return [];
  const found: RosterEntry[] = [];
  for (const entry of entries) {
    const hay = normalize(
      [entry.name, entry.cooperativeName, entry.villageName, entry.districtName].join(' '),
    );
    if (words.every((word) => hay.includes(word)) || phoneMatches(entry.phoneMasked, query))
      found.push(entry);
    if (found.length >= limit) break;
  }
  return found;
}
