import { allMatches } from './matches.js';

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

/** Words that end with a period but rarely end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'gen lt col maj capt cpt sgt cpl brig adm cmdr mr mrs ms dr prof st mt ft no nos vs etc inc ltd co corp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'sen rep gov pres amb gen. jr sr rev fig approx est dept univ e.g i.e al'
  ).split(' '),
);

const BOUNDARY = /[.!?]+["'”’»)\]]*\s+/g;
const STARTER = /^["'“‘«([]?[\p{Lu}\p{N}]/u;
const MAX_SENTENCE = 4000;

/** A line of text. */
const LINE = /[^\n]+/g;

/**
 * Splits text into sentences. Paragraph breaks always end a sentence; "Gen.", "U.S." and
 * "Nov. 10" do not. Very long runs are cut so every later stage stays bounded.
 *
 * @example splitSentences('Gen. Smith arrived. He left.').length // 2
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  for (const para of allMatches(LINE, text)) {
    const base = para.index;
    const line = para[0];
    if (line.trim() === '') continue;
    splitParagraph(line, base, paragraph, out);
    paragraph++;
  }
  return out;
}

function splitParagraph(line: string, base: number, paragraph: number, out: Sentence[]): void {
  let start = 0;
  for (const m of allMatches(BOUNDARY, line)) {
    const end = m.index + m[0].trimEnd().length;
    const next = m.index + m[0].length;
    if (!STARTER.test(line.slice(next, next + 2))) continue;
    if (isAbbreviation(line, m.index)) continue;
    pushBounded(out, base + start, base + end, paragraph);
    start = next;
  }
  const tail = line.trimEnd().length;
  if (tail > start) pushBounded(out, base + start, base + tail, paragraph);
}

function isAbbreviation(line: string, dot: number): boolean {
  if (line[dot] !== '.') return false;
  const before = /([\p{L}.]{1,12})$/u.exec(line.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = (before[1] ?? '').toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials and dotted acronyms: "J.", "U.S", "U.N".
  return (
    /^(?:\p{L}\.)*\p{L}$/u.test(word) &&
    word.replace(/\./g, '').length <= 3 &&
    /\p{Lu}/u.test(before[1] ?? '')
  );
}

function pushBounded(out: Sentence[], start: number, end: number, paragraph: number): void {
  for (let s = start; s < end; s += MAX_SENTENCE) {
    out.push({ start: s, end: Math.min(end, s + MAX_SENTENCE), paragraph });
  }
}

/** The sentence that contains `offset` (binary search), or undefined. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  const i = sentenceIndexAt(sentences, offset);
  return i < 0 ? undefined : sentences[i];
}

/** The index of the sentence that contains `offset`, or -1. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = sentences[mid];
    if (!s) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
