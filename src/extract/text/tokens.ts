import { foldWord } from './fold.js';
import { allMatches } from './matches.js';

export interface Token {
  readonly text: string;
  /** Folded form for dictionary look-ups. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** Starts with an upper-case letter. */
  readonly isCap: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UPPER = /^\p{Lu}/u;

/**
 * Splits text into word tokens (letters and digits; punctuation and hyphens separate words),
 * keeping UTF-16 offsets into the text.
 *
 * @example tokenize('Guinea-Bissau').map((t) => t.norm) // ['guinea', 'bissau']
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of allMatches(WORD, text)) {
    const word = m[0];
    const start = m.index;
    out.push({ text: word, norm: foldWord(word), start, end: start + word.length, isCap: startsUpper(word) });
  }
  return out;
}

/** UPPER's answer, read off the first code unit when it is ASCII (where only A–Z are upper case). */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return UPPER.test(word);
}

/** Index of the first token whose start is at or after `offset` (binary search). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text between two tokens contains only spaces or hyphens (they belong to one name). */
export function isTight(text: string, left: Token, right: Token): boolean {
  const gap = right.start - left.end;
  if (gap < 0 || gap > 2) return false;
  const between = text.slice(left.end, right.start);
  return /^(?: |-|\u2011|\u2010|\u00a0| - )?$/.test(between) || between === '–';
}
