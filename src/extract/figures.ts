import { COUNTED, MODIFIERS, NOT_COUNTED, OUTCOME_AFTER, OUTCOME_BEFORE } from './figure-words.js';
import type { NumberMention } from './numbers.js';
import type { Figure } from './schema.js';

const MAX_NOUN_WORDS = 4;

/**
 * Turns numbers into figures: what is counted (troops, vehicles, killed, injured…) from the noun
 * after the number and the outcome words around it, keeping the qualifier and low/best/high.
 * Years, durations and sums of money are not figures; "casualties" is not "killed".
 *
 * @example findFigures('killing two crew members', findNumbers('killing two crew members'))[0]?.kind // 'killed'
 */
export function findFigures(text: string, numbers: readonly NumberMention[]): Figure[] {
  const out: Figure[] = [];
  for (const n of numbers) {
    if (n.isYear) continue;
    const figure = figureOf(text, n, out[out.length - 1]);
    if (figure) out.push(figure);
  }
  return out;
}

function figureOf(text: string, n: NumberMention, previous: Figure | undefined): Figure | undefined {
  const after = text.slice(n.end, n.end + 80);
  if (/^[-\u2011\s]?(?:year|month|week|day|hour|km|kilomet|mile|percent|%)/i.test(after)) return undefined;
  if (/[$€£₽]\s*$/.test(text.slice(Math.max(0, n.start - 2), n.start))) return undefined;
  const noun = nounAfter(after);
  if (!noun || NOT_COUNTED.has(noun.head)) return undefined;
  const kind = outcomeOf(text, n, noun) ?? inherited(text, n, previous) ?? COUNTED[noun.head] ?? 'other';
  const { low, best, high, qualifier } = n;
  return {
    value: best,
    low,
    best,
    high,
    qualifier,
    kind,
    unit: noun.phrase,
    start: n.start,
    end: n.end + noun.length,
  };
}

interface Noun {
  readonly head: string;
  readonly phrase: string;
  /** Characters from the number's end to the noun phrase's end. */
  readonly length: number;
}

function nounAfter(after: string): Noun | undefined {
  const m = /^(?:\s+of(?:\s+the)?)?((?:[\s-]+[\p{L}]+){1,5})/u.exec(after);
  if (!m?.[1]) return undefined;
  const words = (m[1].match(/[\p{L}]+/gu) ?? []).slice(0, MAX_NOUN_WORDS + 1);
  const lower = words.map((w) => w.toLowerCase());
  let end = 0;
  let headIndex = -1;
  while (end < lower.length && end <= MAX_NOUN_WORDS) {
    const w = lower[end] ?? '';
    if (w in COUNTED || NOT_COUNTED.has(w)) headIndex = end;
    else if (!MODIFIERS.has(w) && !(headIndex >= 0 && w === 'members')) break;
    end++;
  }
  if (headIndex < 0) return otherNoun(after, words);
  const phraseWords = words.slice(firstNounIndex(lower, headIndex), headIndex + 1);
  const phrase = phraseWords.join(' ');
  const at = after.indexOf(phraseWords[phraseWords.length - 1] ?? '');
  return {
    head: lower[headIndex] ?? '',
    phrase,
    length: at + (phraseWords[phraseWords.length - 1]?.length ?? 0),
  };
}

function firstNounIndex(lower: readonly string[], head: number): number {
  let i = head;
  while (i > 0 && !MODIFIERS.has(lower[i - 1] ?? '') && (lower[i - 1] ?? '') in COUNTED) i--;
  while (i > 0 && ['armored', 'armoured'].includes(lower[i - 1] ?? '')) i--;
  return i;
}

function otherNoun(after: string, words: readonly string[]): Noun | undefined {
  const first = words[0];
  if (!first || !/^\s+\p{Ll}/u.test(after) || !/s$/.test(first) || first.length < 4) return undefined;
  return { head: first.toLowerCase(), phrase: first, length: after.indexOf(first) + first.length };
}

function outcomeOf(text: string, n: NumberMention, noun: Noun): string | undefined {
  const before = text.slice(Math.max(0, n.start - 40), n.start);
  const hit = OUTCOME_BEFORE.find(([re]) => re.test(before));
  if (hit) return hit[1];
  if (COUNTED[noun.head] === 'casualties') return 'casualties';
  const rest = text.slice(n.end + noun.length, n.end + noun.length + 60);
  const later = OUTCOME_AFTER.find(([re]) => re.test(rest));
  return later?.[1];
}

function inherited(text: string, n: NumberMention, previous: Figure | undefined): string | undefined {
  if (!previous || n.start - previous.end > 120) return undefined;
  const between = text.slice(previous.end, n.start);
  if (/[.!?]/.test(between)) return undefined;
  return /\b(?:including|among them|of whom|of them)\s*$/i.test(between) ? previous.kind : undefined;
}
