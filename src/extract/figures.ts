import { nationalityWords } from './actors/nationality.js';
import {
  COUNTED,
  COUNTED_PHRASES,
  MODIFIERS,
  NOT_COUNTED,
  OUTCOME_AFTER,
  OUTCOME_BEFORE,
  OUTCOME_NOUNS,
  VIOLATION_TIMES,
} from './figure-words.js';
import { singularCasualties } from './singular-casualties.js';
import type { NumberMention } from './numbers.js';
import type { Figure } from './schema.js';
import { allMatches } from './text/matches.js';

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
  const singular = singularCasualties(text).filter(
    (f) => !out.some((o) => o.start < f.end && f.start < o.end),
  );
  return singular.length === 0 ? out : [...out, ...singular].sort((a, b) => a.start - b.start);
}

function figureOf(text: string, n: NumberMention, previous: Figure | undefined): Figure | undefined {
  const after = text.slice(n.end, n.end + 80);
  if (/^[-\u2011\s]?(?:year|month|week|day|hour|km|kilomet|mile|percent|%)/i.test(after)) return undefined;
  if (/[$€£₽]\s*$/.test(text.slice(Math.max(0, n.start - 2), n.start))) return undefined;
  if (isDateOrIdiom(text, n)) return undefined;
  const noun = nounAfter(after) ?? implicitPeople(text, n) ?? peopleBeforeOutcome(after);
  if (noun?.head === 'times' && VIOLATION_TIMES.test(text.slice(Math.max(0, n.start - 80), n.start)))
    return figureWith(n, { ...noun, head: 'violations' }, 'violations');
  if (!noun || NOT_COUNTED.has(noun.head)) return undefined;
  const counted = COUNTED[noun.head];
  const specific = counted === 'people' ? undefined : counted;
  const kind = outcomeOf(text, n, noun) ?? specific ?? inherited(text, n, previous) ?? counted ?? 'other';
  return figureWith(n, noun, kind === 'people' ? (COUNTED_PHRASES[noun.phrase.toLowerCase()] ?? kind) : kind);
}

function figureWith(n: NumberMention, noun: Noun, kind: string): Figure {
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

/** A run of letters. */
const LETTERS = /[\p{L}]+/gu;

const PHRASE_STOP = new Set(
  'of the a an and or in on at to from for with by were was had have has who that which are is be been its their his her'.split(
    ' ',
  ),
);
const MAX_LOOKAHEAD = 4;

/** The counted noun after a number: the first known noun within four words, then any known nouns after it. */
function nounAfter(after: string): Noun | undefined {
  const m = /^(?:\s+of(?:\s+(?:the|its|their|them|whom))?)?((?:[\s-]+[\p{L}]+){1,7})/u.exec(after);
  if (!m?.[1]) return undefined;
  const words = allMatches(LETTERS, m[1]);
  const lower = words.map((w) => w[0].toLowerCase());
  let head = -1;
  for (let i = 0; i < Math.min(lower.length, MAX_LOOKAHEAD); i++) {
    const w = lower[i] ?? '';
    if (w in COUNTED || NOT_COUNTED.has(w)) {
      head = i;
      break;
    }
    if (PHRASE_STOP.has(w) || (i > 0 && isCap(words[i]?.[0]) && !isModifier(w) && !nameRun(words, i))) break;
  }
  if (head < 0)
    return otherNoun(
      after,
      words.map((w) => w[0]),
    );
  const first = head;
  while (head + 1 < lower.length && (lower[head + 1] ?? '') in COUNTED) head++;
  const from = firstModifier(lower, first);
  const last = words[head];
  const offset = (m.index ?? 0) + (m[0].length - m[1].length);
  const phrase = words
    .slice(from, head + 1)
    .map((w) => w[0])
    .join(' ');
  return { head: lower[head] ?? '', phrase, length: offset + (last?.index ?? 0) + (last?.[0].length ?? 0) };
}

const isCap = (word: string | undefined) => /^\p{Lu}/u.test(word ?? '');

/**
 * Phenomenon: an organisation's name between a number and its noun ("five United Nations
 * peacekeepers", "two Red Cross workers"): capitalised words right after the number form one name.
 */
function nameRun(words: readonly RegExpMatchArray[], i: number): boolean {
  return words.slice(0, i).every((w) => isCap(w[0]));
}

/** Keep descriptive words of a multi-word noun ("armored personnel carriers"), not nationality. */
function firstModifier(lower: readonly string[], head: number): number {
  let i = head;
  while (i > 0 && !PHRASE_STOP.has(lower[i - 1] ?? '') && !isNotDescriptive(lower[i - 1] ?? '')) i--;
  return i;
}

/** Words allowed between a number and its noun: descriptive words and nationalities. */
function isModifier(word: string): boolean {
  return MODIFIERS.has(word) || nationalityWords().has(word);
}

/** Nationality and quantity words stay outside the unit ("2,000 Peruvian troops" → "troops"). */
function isNotDescriptive(word: string): boolean {
  return NOT_UNIT_WORDS.has(word) || nationalityWords().has(word);
}

const NOT_UNIT_WORDS = new Set(['more', 'additional', 'other', 'new']);
const NOT_UNITS = new Set('sides times ways parts things others ones members'.split(' '));

function otherNoun(after: string, words: readonly string[]): Noun | undefined {
  const first = words[0];
  // "freed 39 Palestinians": a people counts people.
  if (first && /^\s+\p{Lu}/u.test(after) && /s$/u.test(first) && nationalityWords().has(first.toLowerCase()))
    return { head: 'people', phrase: first, length: after.indexOf(first) + first.length };
  if (!first || !/^\s+\p{Ll}/u.test(after) || !/s$/.test(first) || first.length < 4) return undefined;
  if (NOT_UNITS.has(first.toLowerCase())) return undefined;
  return { head: first.toLowerCase(), phrase: first, length: after.indexOf(first) + first.length };
}

/** "wounding about a dozen others": a count of people named only by what happened to them. */
function implicitPeople(text: string, n: NumberMention): Noun | undefined {
  const before = text.slice(Math.max(0, n.start - 40), n.start).replace(HEDGE, '');
  if (!OUTCOME_BEFORE.some(([re]) => re.test(before))) return undefined;
  const m = /^\s+(?:others|more|people|persons)\b/.exec(text.slice(n.end, n.end + 16));
  return { head: 'people', phrase: m ? m[0].trim() : 'people', length: m ? m[0].length : 0 };
}

/**
 * Phenomenon: a count with no noun, told by what happened ("over 80 died", "almost two million
 * have been displaced", "five were killed").
 */
function peopleBeforeOutcome(after: string): Noun | undefined {
  const m =
    /^\s+(?:more\s+|others?\s+)?(?:were|have been|had been|was|has been)?\s*(?:also\s+)?(?=killed|died|dead|wounded|injured|displaced|released|freed|missing|taken to (?:a |the )?hospital|hospitali)/iu.exec(
      after,
    );
  return m ? { head: 'people', phrase: 'people', length: 0 } : undefined;
}

const HEDGE =
  /\b(?:about|around|some|nearly|almost|more than|at least|(?<!\b(?:hand(?:ed|ing|s)?|turn(?:ed|ing|s)?|took|taken|taking|take)\s)over|up to|approximately)\s+$/i;

function outcomeOf(text: string, n: NumberMention, noun: Noun): string | undefined {
  const before = text.slice(Math.max(0, n.start - 40), n.start).replace(HEDGE, '');
  const hit = OUTCOME_BEFORE.find(([re]) => re.test(before));
  if (hit && !OUTCOME_NOUNS.has(noun.head)) return hit[1];
  if (COUNTED[noun.head] === 'casualties') return 'casualties';
  // "claimed more than 40,000 lives and displaced …": the noun is the outcome.
  if (OUTCOME_NOUNS.has(noun.head)) return COUNTED[noun.head];
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

const MONTH_BEFORE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$/;

/** "March 4 -", "the two sides", "one of the organisers": numbers that count nothing. */
function isDateOrIdiom(text: string, n: NumberMention): boolean {
  if (MONTH_BEFORE.test(text.slice(Math.max(0, n.start - 12), n.start))) return true;
  if (/^\s+of\s+(?:the|its|their|his|her|our)\b/i.test(text.slice(n.end, n.end + 12)) && n.best === 1)
    return true;
  // "the two sides" counts nothing; "the 20-truck convoy" counts trucks.
  if (/^[-\u2011]\p{L}/u.test(text.slice(n.end, n.end + 2))) return false;
  return /\bthe\s+$/i.test(text.slice(Math.max(0, n.start - 5), n.start)) && n.qualifier === 'exact';
}
