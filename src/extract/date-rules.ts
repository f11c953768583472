import type { DatePrecision } from './schema.js';
import { dayOf, monthEnd, monthOf, weekdayOf, yearOf, type Day } from './day-math.js';

export interface Resolved {
  readonly start: Day;
  readonly end: Day;
  readonly precision: DatePrecision;
  /**
   * Days from the anchor (the publication day) to start and end, for expressions relative to
   * "now" ("overnight", "earlier today", "one day earlier"): a sentence that dates its own
   * "now" ("… said on Wednesday") re-anchors them.
   */
  readonly offset?: { readonly start: number; readonly end: number };
}

export interface RuleContext {
  readonly match: RegExpMatchArray;
  readonly published: Day | null;
  /** The text just before the match, for forward-looking cues ("called for a protest on"). */
  readonly before: string;
}

export interface DateRule {
  readonly re: RegExp;
  /** A pattern every match of `re` holds, tested once on the whole text: a cheap way to skip the rule. */
  readonly needs?: RegExp;
  readonly resolve: (ctx: RuleContext) => Resolved | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const FORWARD =
  /\b(?:call(?:s|ed|ing)? for|will|would|plan(?:s|ned)?|schedul\w*|due|expected|set to|next|upcoming|tomorrow)\b[^.!?]{0,60}$/i;

const monthIndex = (s: string | undefined): number => MONTHS.indexOf((s ?? '').slice(0, 3).toLowerCase()) + 1;
const day1 = (d: Day): Resolved => ({ start: d, end: d, precision: 'day' });

function inferYear(published: Day | null, month: number, day: number): number | null {
  if (published === null) return null;
  const y = yearOf(published);
  return dayOf(y, month, day) > published + 31 ? y - 1 : y;
}

function calendarDay(
  year: string | undefined,
  month: number,
  day: number,
  published: Day | null,
): Resolved | null {
  if (month < 1 || day < 1 || day > 31) return null;
  const y = year ? Number(year) : inferYear(published, month, day);
  return y === null ? null : day1(dayOf(y, month, day));
}

function partOfMonth(part: string, year: number, month: number): Resolved {
  const p = part.toLowerCase();
  const end = monthEnd(year, month);
  if (p.includes('early') || p.includes('beginning') || p.includes('start')) {
    return { start: dayOf(year, month, 1), end: dayOf(year, month, 10), precision: 'part_of_month' };
  }
  if (p.includes('mid') || p.includes('middle')) {
    return { start: dayOf(year, month, 11), end: dayOf(year, month, 20), precision: 'part_of_month' };
  }
  if (p.includes('late') || p.includes('end')) {
    return { start: dayOf(year, month, 21), end, precision: 'part_of_month' };
  }
  return { start: dayOf(year, month, 1), end, precision: 'month' };
}

function monthYear(ctx: RuleContext): Resolved | null {
  const [, part = '', name, yearText] = ctx.match;
  const month = monthIndex(name);
  if (!yearText && !part && name === 'May') return null;
  let year = yearText ? Number(yearText) : null;
  if (year === null && ctx.published !== null) {
    year = yearOf(ctx.published);
    if (month > monthOf(ctx.published) && !FORWARD.test(ctx.before)) year -= 1;
  }
  return year === null ? null : partOfMonth(part, year, month);
}

function weekday(ctx: RuleContext): Resolved | null {
  const [, modifier = '', name = '', partOfDay] = ctx.match;
  if (ctx.published === null) return null;
  const target = WEEKDAYS.indexOf(name.toLowerCase());
  const today = weekdayOf(ctx.published);
  const mod = modifier.toLowerCase();
  const isForward = mod === 'next' || (mod !== 'last' && FORWARD.test(ctx.before));
  if (isForward) return day1(ctx.published + ((target - today + 7) % 7 || (mod === 'next' ? 7 : 0)));
  let back = (today - target + 7) % 7;
  if (back === 0 && mod === 'last') back = 7;
  // "Monday night" written on Tuesday may run past midnight; keep the named day.
  return partOfDay === undefined ? day1(ctx.published - back) : day1(ctx.published - back);
}

function relativeDay(ctx: RuleContext): Resolved | null {
  const w = (ctx.match[0] ?? '').toLowerCase();
  const p = ctx.published;
  if (p === null) return null;
  const shifted = (start: number, end: number, precision: DatePrecision): Resolved => ({
    start: p + start,
    end: p + end,
    precision,
    offset: { start, end },
  });
  // "yesterday" and "tomorrow" are the writer's own days; "overnight" and "earlier today" may be a speaker's.
  if (w.includes('day before yesterday')) return day1(p - 2);
  if (w.startsWith('yesterday')) return day1(p - 1);
  if (w === 'tomorrow') return day1(p + 1);
  if (w === 'last night' || w === 'overnight') return shifted(-1, 0, 'night');
  return shifted(0, 0, 'day');
}

/**
 * Phenomenon: a span of days back from the story's "now": "one day earlier", "10 days after"
 * ("It comes 10 days after five peacekeepers were killed": that earlier event is ten days back).
 */
function daysBack(ctx: RuleContext): Resolved | null {
  const [, amount = '', unit = ''] = ctx.match;
  if (ctx.published === null) return null;
  const n = /^\d+$/.test(amount) ? Number(amount) : (SMALL[amount.toLowerCase()] ?? NaN);
  const size = unit.toLowerCase().startsWith('week') ? 7 : 1;
  if (!Number.isFinite(n) || n > 60) return null;
  const back = -n * size;
  return {
    start: ctx.published + back,
    end: ctx.published + back,
    precision: 'day',
    offset: { start: back, end: back },
  };
}

/**
 * Phenomenon: bulletins' "over the past day" / "past 24 hours": the day before publication,
 * up to publication.
 */
function pastDay(ctx: RuleContext): Resolved | null {
  if (ctx.published === null) return null;
  return { start: ctx.published - 1, end: ctx.published, precision: 'days', offset: { start: -1, end: 0 } };
}

/** Phenomenon: a range written as two dates ("between the evenings of January 15 and January 17"). */
function betweenDays(ctx: RuleContext): Resolved | null {
  const [, m1, d1, m2, d2] = ctx.match;
  const first = calendarDay(undefined, monthIndex(m1), Number(d1), ctx.published);
  const second = calendarDay(undefined, monthIndex(m2 ?? m1), Number(d2), ctx.published);
  if (!first || !second || second.start < first.start) return null;
  return { start: first.start, end: second.end, precision: 'days' };
}

function relativePeriod(ctx: RuleContext): Resolved | null {
  const p = ctx.published;
  const [, which = '', unit = ''] = ctx.match;
  if (p === null) return null;
  const w = which.toLowerCase();
  const u = unit.toLowerCase().replace(/s$/, '');
  const monday = p - ((weekdayOf(p) + 6) % 7);
  if (u === 'week') {
    if (w === 'last' || w === 'previous') return { start: monday - 7, end: monday - 1, precision: 'week' };
    if (w === 'next') return { start: monday + 7, end: monday + 13, precision: 'week' };
    if (w === 'recent') return { start: p - 28, end: p, precision: 'approximate' };
    return { start: monday, end: p, precision: 'week' };
  }
  if (u === 'weekend') {
    const saturday = weekdayOf(p) === 0 || weekdayOf(p) === 6 ? monday + 5 : monday - 2;
    return { start: Math.min(saturday, p), end: Math.min(saturday + 1, p), precision: 'days' };
  }
  if (u === 'day') return { start: p - 7, end: p, precision: 'approximate' };
  const y = yearOf(p);
  const m = monthOf(p);
  if (u === 'month') {
    if (w === 'last' || w === 'previous')
      return { start: dayOf(y, m - 1, 1), end: dayOf(y, m, 0), precision: 'month' };
    if (w === 'recent') return { start: p - 92, end: p, precision: 'approximate' };
    return { start: dayOf(y, m, 1), end: p, precision: 'month' };
  }
  if (w === 'last' || w === 'previous')
    return { start: dayOf(y - 1, 1, 1), end: dayOf(y - 1, 12, 31), precision: 'year' };
  return { start: dayOf(y, 1, 1), end: p, precision: 'year' };
}

function decade(ctx: RuleContext): Resolved {
  const [, part = '', century = '', tens = ''] = ctx.match;
  const base = Number(`${century}${tens}0`);
  const p = part.toLowerCase();
  const [from, to] = p === 'early' ? [0, 3] : p.startsWith('mid') ? [3, 6] : p === 'late' ? [7, 9] : [0, 9];
  return { start: dayOf(base + from, 1, 1), end: dayOf(base + to, 12, 31), precision: 'decade' };
}

function year(ctx: RuleContext): Resolved {
  const [, part = '', y = ''] = ctx.match;
  const n = Number(y);
  const p = part.toLowerCase();
  if (p === 'early') return { start: dayOf(n, 1, 1), end: dayOf(n, 4, 30), precision: 'part_of_year' };
  if (p.startsWith('mid')) return { start: dayOf(n, 5, 1), end: dayOf(n, 8, 31), precision: 'part_of_year' };
  if (p === 'late') return { start: dayOf(n, 9, 1), end: dayOf(n, 12, 31), precision: 'part_of_year' };
  return { start: dayOf(n, 1, 1), end: dayOf(n, 12, 31), precision: 'year' };
}

const AGO_UNITS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, year: 365, decade: 3652 };
const SMALL: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
  thirty: 30,
};

function ago(ctx: RuleContext): Resolved | null {
  const [, hedge, amount = '', unit = ''] = ctx.match;
  if (ctx.published === null) return null;
  const n = /^\d+$/.test(amount) ? Number(amount) : (SMALL[amount.toLowerCase()] ?? NaN);
  const size = AGO_UNITS[unit.toLowerCase().replace(/s$/, '')] ?? NaN;
  if (!Number.isFinite(n) || !Number.isFinite(size) || n > 500) return null;
  const centre = ctx.published - Math.round(n * size);
  const slack = Math.max(1, Math.round(n * size * (hedge ? 0.1 : 0.05)));
  return { start: centre - slack, end: Math.min(ctx.published, centre + slack), precision: 'approximate' };
}

/** The rules in priority order: an earlier rule's match wins an overlap. */
export const DATE_RULES: readonly DateRule[] = [
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (c) => calendarDay(c.match[1], Number(c.match[2]), Number(c.match[3]), null),
  },
  {
    re: new RegExp(
      `\\bbetween (?:the (?:evenings|mornings|nights) of )?${MONTH}\\.? (\\d{1,2}) and (?:${MONTH}\\.? )?(\\d{1,2})\\b`,
      'g',
    ),
    resolve: betweenDays,
  },
  {
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    resolve: (c) => calendarDay(c.match[3], monthIndex(c.match[1]), Number(c.match[2]), c.published),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    resolve: (c) => calendarDay(c.match[3], monthIndex(c.match[2]), Number(c.match[1]), c.published),
  },
  {
    re: /\b(?:([Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?:the\s+)?(1[89]|20)(\d)0s\b/g,
    needs: /(?:1[89]|20)\d0s/,
    resolve: decade,
  },
  {
    re: new RegExp(
      `\\b(?:((?:[Ee]arly|[Mm]id|[Ll]ate|(?:the )?(?:end|beginning|start|middle) of))[\\s-]+)?${MONTH}\\b(?:,?\\s+(\\d{4})\\b)?`,
      'g',
    ),
    resolve: monthYear,
  },
  {
    re: /\b(?:([Ee]arly|[Mm]id|[Ll]ate)[\s-]+|(?:in|since|by|until|from|during|before|after|of)\s+)(1[89]\d\d|20\d\d)\b(?![-–]\d)/g,
    needs: /(?:1[89]|20)\d\d\b/,
    resolve: year,
  },
  {
    re: /\b(nearly |almost |about |around |some |more than |over )?(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty)\s+(days?|weeks?|months?|years?|decades?)\s+ago\b/gi,
    needs: /ago/i,
    resolve: ago,
  },
  {
    re: /\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Pp]revious)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(morning|afternoon|evening|night))?\b/g,
    resolve: weekday,
  },
  {
    re: /\b(?:the day before yesterday|yesterday(?: (?:morning|afternoon|evening))?|today|tonight|tomorrow|this (?:morning|afternoon|evening)|last night|overnight|earlier today)\b/gi,
    resolve: relativeDay,
  },
  {
    re: /\b(?:(?:over|in|during) the )?past (?:day|24 hours)\b/gi,
    needs: /past (?:day|24 hours)/i,
    resolve: pastDay,
  },
  {
    re: /\b(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+(?:earlier|after)\b/gi,
    needs: /(?:day|week)s?\s+(?:earlier|after)/i,
    resolve: daysBack,
  },
  {
    re: /\b(last|this|next|past|previous|recent|over the|at the|during the)\s+(weeks?|weekend|months?|year|days)\b/gi,
    resolve: relativePeriod,
  },
];
