import { worldCountries } from '../../world/countries.js';
import { foldName } from '../text/fold.js';
import { addPhrase, createTrie, type PhraseTrie } from '../text/phrase-trie.js';

/**
 * The world base's nationality adjectives and peoples ("Peruvian", "Sri Lankan", "Chadians"), in
 * the shapes extraction reads them; built once per process from `worldCountries()`.
 */
export interface Nationalities {
  /** Every demonym of one word or more, and its plural, to its state's alpha-2 code. */
  readonly trie: PhraseTrie<string>;
  /** Folded one-word demonyms and their plurals ("peruvian", "peruvians") to the state. */
  readonly oneWord: ReadonlyMap<string, string>;
  /** Every folded word of a demonym ("sri", "lankan", "peruvian"). */
  readonly words: ReadonlySet<string>;
  /** A regular-expression alternation of every demonym, longest first (no group). */
  readonly pattern: string;
}

let cached: Nationalities | undefined;

/**
 * The nationalities of the world base.
 *
 * @example nationalities().oneWord.get('norwegian') // 'NO'
 */
export function nationalities(): Nationalities {
  cached ??= build();
  return cached;
}

function build(): Nationalities {
  const trie = createTrie<string>();
  const oneWord = new Map<string, string>();
  const words = new Set<string>();
  const literals = new Set<string>();
  const world = worldCountries();
  for (const c of world.all)
    for (const demonym of c.demonyms) {
      // A demonym two countries share equally is a nationality word of neither state.
      const owner = world.demonymOwners.get(demonym)?.alpha2;
      const folded = foldName(demonym);
      const last = folded[folded.length - 1] ?? '';
      // "U.S." folds to two one-letter words and "US" to one short one: only the latter counts.
      if (last.length < 2 || (folded.length === 1 && last.length < 3 && last !== 'us')) continue;
      const plural = last.endsWith('s') ? [] : [[...folded.slice(0, -1), `${last}s`]];
      for (const form of owner === c.alpha2 ? [folded, ...plural] : []) {
        addPhrase(trie, form, c.alpha2);
        if (form.length === 1 && !oneWord.has(form[0] ?? '')) oneWord.set(form[0] ?? '', c.alpha2);
      }
      folded.filter((w) => w.length > 2 || folded.length === 1).forEach((w) => words.add(w));
      if (demonym.length > 2 && /^\p{L}/u.test(demonym)) literals.add(demonym);
    }
  const pattern = [...literals]
    .sort((a, b) => b.length - a.length)
    .map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return { trie, oneWord, words, pattern };
}

/**
 * Every word of the world base's nationality adjectives, folded ("peruvian", "sri", "lankan").
 *
 * @example nationalityWords().has('norwegian') // true
 */
export function nationalityWords(): ReadonlySet<string> {
  return nationalities().words;
}

/**
 * A regular-expression alternation (no group, longest first) of every demonym of the world
 * base, for rules such as "returned to Peruvian control". Bounded: a fixed list of literals.
 *
 * @example new RegExp(`\\b(?:${demonymPattern()})\\b`).test('Chadian') // true
 */
export function demonymPattern(): string {
  return nationalities().pattern;
}
