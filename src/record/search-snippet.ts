import type { SearchTerm } from './search-query.js';

/** A piece of a snippet: text, marked when it is a matched word. Rendered as text, never as markup. */
export interface SnippetPart {
  readonly text: string;
  readonly mark: boolean;
}

/** How many words a snippet shows. */
export const SNIPPET_WORDS = 24;

/** Words as the query reads them (`search-query.ts`): a letter or digit, then letters, digits or marks. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** A word as the index compares it: lower case, without diacritics (SQLite's `remove_diacritics`). */
const fold = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

interface Token {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

/** Which tokens the terms to find (not the excluded ones) match: a word, a prefix, a phrase's words in order. */
function markedTokens(tokens: readonly Token[], terms: readonly SearchTerm[]): boolean[] {
  const marked = tokens.map(() => false);
  for (const term of terms) {
    if (term.exclude) continue;
    const words = term.words.map(fold);
    const last = words.length - 1;
    const matches = (token: Token | undefined, i: number) =>
      token !== undefined &&
      (i === last && term.prefix ? token.key.startsWith(words[i] as string) : token.key === words[i]);
    for (let at = 0; at + last < tokens.length; at += 1) {
      if (!words.every((_, i) => matches(tokens[at + i], i))) continue;
      for (let i = 0; i <= last; i += 1) marked[at + i] = true;
    }
  }
  return marked;
}

/**
 * The snippet of a hit: the SNIPPET_WORDS words of `text` holding the most words the query
 * matches (the first such stretch, centred on them), those words marked, `…` where text is left out. The index
 * found the hit; this shows why, the same way on every database.
 *
 * @example snippetOf('Shelling was reported near the bridge.', parseSearchQuery('report*'))
 *   // [{ text: 'Shelling was ', mark: false }, { text: 'reported', mark: true }, { text: ' near the bridge.', mark: false }]
 */
export function snippetOf(
  text: string | null,
  terms: readonly SearchTerm[],
  words = SNIPPET_WORDS,
): SnippetPart[] {
  if (!text) return [];
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, key: fold(match[0]) });
  }
  if (tokens.length === 0) return [];
  const marked = markedTokens(tokens, terms);
  // The window of `words` tokens with the most marks: a running count over the tokens.
  const size = Math.min(words, tokens.length);
  let count = marked.slice(0, size).filter(Boolean).length;
  let best = { from: 0, count };
  for (let from = 1; from + size <= tokens.length; from += 1) {
    count += (marked[from + size - 1] ? 1 : 0) - (marked[from - 1] ? 1 : 0);
    if (count > best.count) best = { from, count };
  }
  // Then centred on its marks, so a match is shown with the words before it as well as after.
  const inWindow = marked.slice(best.from, best.from + size);
  const span = inWindow.lastIndexOf(true) - inWindow.indexOf(true) + 1;
  const first =
    best.count === 0
      ? 0
      : Math.max(
          0,
          Math.min(tokens.length - size, best.from + inWindow.indexOf(true) - Math.floor((size - span) / 2)),
        );
  const lastToken = first + size - 1;
  const parts: SnippetPart[] = [];
  const push = (part: string, mark: boolean) => {
    if (part === '') return;
    const previous = parts[parts.length - 1];
    if (previous && previous.mark === mark && !mark)
      parts[parts.length - 1] = { text: previous.text + part, mark };
    else parts.push({ text: part, mark });
  };
  if (first > 0) push('…', false);
  let at = first === 0 ? 0 : (tokens[first] as Token).start;
  for (let i = first; i <= lastToken; i += 1) {
    const token = tokens[i] as Token;
    push(text.slice(at, token.start), false);
    push(text.slice(token.start, token.end), marked[i] as boolean);
    at = token.end;
  }
  if (lastToken === tokens.length - 1) push(text.slice(at), false);
  else push('…', false);
  return parts;
}
