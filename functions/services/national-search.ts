import type { Store } from '../db/store';
import {
  candidateTerm,
  searchCooperatives,
  searchTerms,
  startsAWord,
  WORD_PREFIX,
} from '../domain/cooperative-search';
import type { Cooperative } from '../domain/schemas';

/** Regencies whose whole directory a regency-name term may gather; a name this common only filters. */
const MAX_REGENCIES_GATHERED = 6;
/** A regency's cooperatives, roughly, to weigh a regency-name term against a village word. */
const PER_REGENCY = 170;
/** Word index items read per term and round. */
const PAGE = 250;

type TermReading = {
  term: string;
  found: Map<string, Cooperative>;
  next?: Record<string, unknown>;
  started: boolean;
  /** Codes of the regencies whose name the term starts a word of. */
  named: string[];
};

/**
 * Searches every loaded regency's cooperatives by village, kecamatan or regency without reading them all. Each
 * typed term of three letters or more is read from the word index (one partition, a page per round, all terms
 * side by side) and matched against the regency names; the first term read to its end that is the rarest
 * gathers the candidates, so a common word ("timur") costs no more than the rare one typed with it. Every term
 * must then start a word of the village, kecamatan, cooperative or regency name. The regency comes back with
 * each cooperative, so the many villages called "Sumber Makmur" can be told apart.
 */
export async function searchNationally(store: Store, q: string, limit: number): Promise<Cooperative[]> {
  const terms = [...new Set(searchTerms(q))].filter((term) => term.length >= WORD_PREFIX);
  if (!terms.length) return [];
  const regencies = await store.cooperatives.listRegencies();
  const readings: TermReading[] = terms.map((term) => ({
    term,
    found: new Map(),
    started: false,
    named: regencies.filter((regency) => startsAWord(regency.name, term)).map((r) => r.code),
  }));
  const regencyCost = (r: TermReading) =>
    r.named.length > MAX_REGENCIES_GATHERED ? Infinity : r.named.length * PER_REGENCY;
  const finished = (r: TermReading) => r.started && !r.next;
  let chosen: TermReading | undefined;
  for (let round = 0; !chosen && round < 1_000; round++) {
    await Promise.all(
      readings
        .filter((r) => !finished(r))
        .map(async (r) => {
          // A lone term is read to its end anyway: in fewer, larger pages.
          const limit = readings.length === 1 ? PAGE * 4 : PAGE;
          const page = await store.cooperatives.findByWord(r.term, { limit, cursor: r.next });
          for (const cooperative of page.cooperatives) r.found.set(cooperative.id, cooperative);
          r.started = true;
          r.next = page.next;
        }),
    );
    // A term still being read has at least what it found so far: a finished term that costs no more than that
    // is the rarest, whatever the rest would have come to.
    const estimate = readings.map((r) => ({
      term: r.term,
      words: r.found.size + (finished(r) ? 0 : PAGE),
      regencyCooperatives: regencyCost(r),
    }));
    const best = candidateTerm(estimate);
    const reading = readings.find((r) => r.term === best);
    if (reading && finished(reading)) chosen = reading;
  }
  if (!chosen) return [];
  const candidates = new Map(chosen.found);
  if (regencyCost(chosen) !== Infinity)
    for (const regency of await Promise.all(
      chosen.named.map((code) => store.cooperatives.listByRegency(code)),
    ))
      for (const cooperative of regency) candidates.set(cooperative.id, cooperative);
  return searchCooperatives([...candidates.values()], { q, limit, withRegency: true });
}
