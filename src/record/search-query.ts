import { invalid } from '../platform/errors.js';

/**
 * What a person types in the search box, read into terms no search engine can misread: words are
 * runs of letters and digits (every other character separates them, so quotes, parentheses,
 * `NEAR`, `:` or `^` are never operators), and only three forms mean something — `"a phrase"`,
 * `prefix*` and `-excluded`. Every term must be found (AND). The dialect file quotes each word
 * again for its engine (`search-dialect.ts`).
 */
export interface SearchTerm {
  /** The words of the term, in order; two or more make a phrase. */
  readonly words: readonly string[];
  /** The last word may be the start of a longer one (`negotiat*`). */
  readonly prefix: boolean;
  /** Matches must not hold this term (`-drill`). */
  readonly exclude: boolean;
}

export const QUERY_MAX_CHARACTERS = 300;
export const QUERY_MAX_TERMS = 16;

/** Words: a letter or digit, then letters, digits or combining marks. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** A term: an optional `-`, then a quoted phrase (closed or not) or a run without spaces or quotes. */
const TERM = /(-?)(?:"([^"]*)"?|([^\s"]+))(\*?)/gu;

/**
 * Reads a query into terms, refusing one that is empty, too long or only exclusions (`q` names
 * the field in every error).
 *
 * @example parseSearchQuery('"cease fire" violat* -drill')
 *   // [{ words: ['cease', 'fire'], prefix: false, exclude: false },
 *   //  { words: ['violat'], prefix: true, exclude: false }, { words: ['drill'], prefix: false, exclude: true }]
 */
export function parseSearchQuery(text: string): SearchTerm[] {
  const normal = text.normalize('NFKC').trim();
  if (normal.length > QUERY_MAX_CHARACTERS)
    throw invalid('q', `must be at most ${QUERY_MAX_CHARACTERS} characters`);
  const terms: SearchTerm[] = [];
  for (const match of normal.matchAll(TERM)) {
    const [, minus, quoted, bare, star] = match;
    const body = quoted ?? bare ?? '';
    const prefix = star === '*' || (quoted === undefined && body.endsWith('*'));
    const words = body.match(WORD)?.map((w) => w.toLowerCase()) ?? [];
    if (words.length === 0) continue;
    terms.push({ words, prefix, exclude: minus === '-' });
    if (terms.length > QUERY_MAX_TERMS) throw invalid('q', `must hold at most ${QUERY_MAX_TERMS} terms`);
  }
  if (!terms.some((t) => !t.exclude))
    throw invalid('q', 'must hold at least one word to find (letters or digits), not only exclusions');
  return terms;
}
