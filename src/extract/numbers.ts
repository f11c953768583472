import type { Qualifier } from './schema.js';

export interface NumberMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly low: number | null;
  readonly best: number;
  readonly high: number | null;
  readonly qualifier: Qualifier;
  /** A bare four-digit number between 1800 and 2099: most likely a year. */
  readonly isYear: boolean;
}

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const WORD_NUMBER = `(?:(?:${TENS})(?:[- ](?:${UNITS}))?|${TEENS}|${UNITS}|a)(?:\\s+(?:hundred|thousand|million))?`;
const DIGITS =
  '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d,])|\\d+(?:\\.\\d+)?';
const VAGUE =
  'hundreds of thousands|several thousand|several hundred|a few thousand|a few hundred|tens of thousands|dozens|hundreds|thousands|several|a few|a dozen|a handful|scores';
const SCALE = '(?:\\s*(?:million|thousand|billion|bn)\\b)?';
const ATOM = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(${DIGITS})${SCALE}(?!\\d|st\\b|nd\\b|rd\\b|th\\b)|(${VAGUE})\\b|(${WORD_NUMBER})\\b)`,
  'giu',
);

const WORD_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  [...UNITS.split('|'), ...TEENS.split('|')].map((w, i) => [w, i + 1] as const),
);
const TENS_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  TENS.split('|').map((w, i) => [w, (i + 2) * 10] as const),
);
const VAGUE_RANGES: Readonly<Record<string, readonly [number, number, number, Qualifier]>> = {
  'hundreds of thousands': [100000, 200000, 999999, 'hundreds'],
  'several thousand': [2000, 3000, 9999, 'thousands'],
  'several hundred': [200, 300, 999, 'hundreds'],
  'a few thousand': [2000, 3000, 5000, 'thousands'],
  'a few hundred': [200, 300, 500, 'hundreds'],
  'tens of thousands': [10000, 20000, 99999, 'tens_of_thousands'],
  dozens: [12, 24, 99, 'dozens'],
  hundreds: [100, 200, 999, 'hundreds'],
  thousands: [1000, 2000, 9999, 'thousands'],
  several: [3, 5, 9, 'several'],
  'a few': [2, 3, 5, 'few'],
  'a dozen': [11, 12, 13, 'about'],
  'a handful': [3, 5, 7, 'few'],
  scores: [20, 40, 99, 'many'],
};

const QUALIFIERS: readonly (readonly [RegExp, Qualifier])[] = [
  // "handed over 13 hostages" is no "more than 13".
  [
    /\b(?:more than|(?<!\b(?:hand(?:ed|ing|s)?|turn(?:ed|ing|s)?|took|taken|taking|take)\s)over|in excess of|upwards of|above)\s+$/i,
    'more_than',
  ],
  [/\bat least\s+$/i, 'at_least'],
  [
    /\b(?:about|around|approximately|roughly|some|an estimated|estimated|close to|nearly|almost|approx\.)\s+$/i,
    'about',
  ],
  [/\b(?:up to|as many as|as much as)\s+$/i, 'up_to'],
  [/\b(?:fewer than|less than|under|below)\s+$/i, 'fewer_than'],
];

/**
 * Finds numbers written in digits ("1,960", "11 000", "2.5 million"), in words ("two",
 * "twenty-five", "a hundred") and vague counts ("dozens", "several"), with the qualifier in
 * front ("more than 1,400") and ranges ("between 20 and 30"), each with low/best/high.
 *
 * @example findNumbers('more than 1,400 dead')[0] // { best: 1400, low: 1400, high: null, qualifier: 'more_than', … }
 */
export function findNumbers(text: string): NumberMention[] {
  const atoms = [...text.matchAll(ATOM)].flatMap((m) => atomOf(text, m));
  return mergeRanges(text, atoms);
}

function atomOf(text: string, m: RegExpMatchArray): NumberMention[] {
  const start = m.index ?? 0;
  const raw = m[0];
  const vague = m[2]?.toLowerCase();
  if (vague) {
    const [low, best, high, qualifier] = VAGUE_RANGES[vague.replace(/\s+/g, ' ')] ?? [1, 1, 1, 'exact'];
    return [{ start, end: start + raw.length, text: raw, low, best, high, qualifier, isYear: false }];
  }
  const value = m[1] ? digitValue(raw) : wordValue(raw.toLowerCase());
  if (value === null || !Number.isFinite(value)) return [];
  if (raw.toLowerCase() === 'a') return [];
  const isYear = m[1] !== undefined && /^\d{4}$/.test(raw) && value >= 1800 && value < 2100;
  return [qualify(text, { start, end: start + raw.length, text: raw, value, isYear })];
}

function digitValue(raw: string): number | null {
  const scale = /(million|thousand|billion|bn)$/i.exec(raw)?.[1]?.toLowerCase();
  const digits = raw.replace(/(?:million|thousand|billion|bn)$/i, '').replace(/[,\s\u00a0\u202f]/g, '');
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const factor = scale === 'million' ? 1e6 : scale === 'thousand' ? 1e3 : scale ? 1e9 : 1;
  return Math.round(n * factor * 100) / 100;
}

function wordValue(raw: string): number | null {
  const parts = raw.split(/[\s-]+/);
  let total = 0;
  let current = 0;
  for (const p of parts) {
    if (p === 'a') current = 1;
    else if (p in WORD_VALUES) current += WORD_VALUES[p] ?? 0;
    else if (p in TENS_VALUES) current += TENS_VALUES[p] ?? 0;
    else if (p === 'hundred') current = Math.max(current, 1) * 100;
    else if (p === 'thousand' || p === 'million') {
      total += Math.max(current, 1) * (p === 'thousand' ? 1e3 : 1e6);
      current = 0;
    } else return null;
  }
  return total + current;
}

interface Bare {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  readonly isYear: boolean;
}

function qualify(text: string, n: Bare): NumberMention {
  const before = text.slice(Math.max(0, n.start - 24), n.start);
  const rule = QUALIFIERS.find(([re]) => re.test(before));
  const isNearly = /\b(?:nearly|almost)\s+$/i.test(before);
  const qualifier = isNearly ? 'nearly' : (rule?.[1] ?? 'exact');
  const start = rule ? n.start - (rule[0].exec(before)?.[0].length ?? 0) : n.start;
  const v = n.value;
  const [low, high] = boundsOf(qualifier, v);
  return {
    start,
    end: n.end,
    text: text.slice(start, n.end),
    low,
    best: v,
    high,
    qualifier,
    isYear: n.isYear && !rule,
  };
}

function boundsOf(q: Qualifier, v: number): [number | null, number | null] {
  if (q === 'more_than' || q === 'at_least') return [v, null];
  if (q === 'up_to' || q === 'fewer_than') return [null, v];
  if (q === 'about') return [Math.floor(v * 0.9), Math.ceil(v * 1.1)];
  if (q === 'nearly') return [Math.floor(v * 0.9), v];
  return [v, v];
}

function mergeRanges(text: string, atoms: readonly NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    const b = atoms[i + 1];
    if (a && b && isRange(text, a, b)) {
      out.push(rangeOf(text, a, b));
      i++;
    } else if (a) out.push(a);
  }
  return out;
}

function isRange(text: string, a: NumberMention, b: NumberMention): boolean {
  if (a.isYear || b.isYear || a.qualifier !== 'exact' || b.best <= a.best) return false;
  const gap = text.slice(a.end, b.start);
  if (/^\s*(?:-|–|to)\s*$/.test(gap)) return true;
  return /^\s+and\s+$/.test(gap) && /\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 9), a.start));
}

function rangeOf(text: string, a: NumberMention, b: NumberMention): NumberMention {
  const hasBetween = /\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 9), a.start));
  const start = hasBetween
    ? a.start - (/between\s+$/i.exec(text.slice(0, a.start))?.[0].length ?? 0)
    : a.start;
  const best = Math.round((a.best + b.best) / 2);
  return {
    start,
    end: b.end,
    text: text.slice(start, b.end),
    low: a.best,
    best,
    high: b.best,
    qualifier: 'between',
    isYear: false,
  };
}
