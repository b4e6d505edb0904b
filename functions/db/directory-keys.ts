import { WORD_PREFIX } from '../domain/cooperative-search';

/**
 * The national cooperative search's keys (cooperatives-repo.ts), beside the table's other keys in keys.ts:
 *
 * 105. Cooperatives by a word of their village or kecamatan, any prefix of at least three letters, across the
 *      country in one query (begins_with sk) .. pk=COOPWORD#<first three letters> sk=<word>#<cooperativeId>
 */
export const directoryKeys = {
  word: (word: string, cooperativeId: string) => ({
    pk: `COOPWORD#${word.slice(0, WORD_PREFIX)}`,
    sk: `${word}#${cooperativeId}`,
  }),
  /** The partition and sort key prefix of every word starting with `term`. */
  wordsStartingWith: (term: string) => ({ pk: `COOPWORD#${term.slice(0, WORD_PREFIX)}`, skPrefix: term }),
};
