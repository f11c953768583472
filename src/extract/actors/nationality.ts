import { worldCountries } from '../../world/countries.js';
import { foldName } from '../text/fold.js';

let words: ReadonlySet<string> | undefined;
let pattern: string | undefined;

/**
 * Every word of the world base's nationality adjectives, folded ("peruvian", "sri", "lankan").
 *
 * @example nationalityWords().has('norwegian') // true
 */
export function nationalityWords(): ReadonlySet<string> {
  words ??= new Set(
    worldCountries()
      .all.flatMap((c) => c.demonyms.flatMap((d) => foldName(d)))
      .filter((w) => w.length > 2),
  );
  return words;
}

/**
 * A regular-expression alternation (no group, longest first) of every demonym of the world
 * base, for rules such as "returned to Peruvian control". Bounded: a fixed list of literals.
 *
 * @example new RegExp(`\\b(?:${demonymPattern()})\\b`).test('Chadian') // true
 */
export function demonymPattern(): string {
  pattern ??= [...new Set(worldCountries().all.flatMap((c) => c.demonyms))]
    .filter((d) => d.length > 2 && /^\p{L}/u.test(d))
    .sort((a, b) => b.length - a.length)
    .map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return pattern;
}
