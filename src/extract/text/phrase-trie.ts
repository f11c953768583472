import type { Token } from './tokens.js';
import { isTight } from './tokens.js';

export interface PhraseTrie<T> {
  readonly children: Map<string, PhraseTrie<T>>;
  values: T[];
}

export interface PhraseMatch<T> {
  readonly values: readonly T[];
  readonly first: number;
  /** Index one past the last token of the match. */
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/** An empty trie keyed by folded words. */
export function createTrie<T>(): PhraseTrie<T> {
  return { children: new Map(), values: [] };
}

/** Adds a phrase (already folded into words) with its value. */
export function addPhrase<T>(trie: PhraseTrie<T>, words: readonly string[], value: T): void {
  let node = trie;
  for (const w of words) {
    let next = node.children.get(w);
    if (!next) {
      next = createTrie<T>();
      node.children.set(w, next);
    }
    node = next;
  }
  if (words.length > 0 && !node.values.includes(value)) node.values.push(value);
}

const MAX_PHRASE = 8;

/**
 * Finds the longest phrase starting at each token, left to right, without overlaps. Words of a
 * phrase must be separated only by spaces or hyphens. Linear in tokens × longest phrase.
 *
 * @example matchPhrases(text, tokens, trie, { requireCap: true })
 */
export function matchPhrases<T>(
  text: string,
  tokens: readonly Token[],
  trie: PhraseTrie<T>,
  options: { readonly requireCap: boolean },
): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestAt(text, tokens, trie, i, options.requireCap);
    if (found) {
      out.push(found);
      i = found.last;
    } else i++;
  }
  return out;
}

function longestAt<T>(
  text: string,
  tokens: readonly Token[],
  trie: PhraseTrie<T>,
  i: number,
  requireCap: boolean,
): PhraseMatch<T> | undefined {
  const first = tokens[i];
  if (!first || (requireCap && !first.isCap)) return undefined;
  let node = trie.children.get(first.norm);
  let best: PhraseMatch<T> | undefined;
  let j = i;
  while (node && j - i < MAX_PHRASE) {
    const tok = tokens[j];
    if (!tok) break;
    if (node.values.length > 0) {
      best = { values: node.values, first: i, last: j + 1, start: first.start, end: tok.end };
    }
    const next = tokens[j + 1];
    if (!next || !isTight(text, tok, next)) break;
    node = node.children.get(next.norm);
    j++;
  }
  return best;
}
