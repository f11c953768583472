import { parseDay } from '../day-math.js';
import type { DateMention } from '../dates.js';
import type { Event } from '../schema.js';
import { within } from '../text/ranges.js';
import { RANK_INFERRED, type DateRank } from './event-dates.js';

/** Background history older than this many days before publication is not an event of the article. */
const BACKGROUND_DAYS = 30;
/** An approximate date wider than this ("some months ago") is history, not a report of the day. */
const MAX_APPROXIMATE_DAYS = 14;
/** Precisions that no report of the day uses for what it reports ("last month", "in 2014"). */
const COARSE = new Set(['month', 'year', 'part_of_year', 'decade']);

/**
 * Phenomenon: background ("last month", "since 2014", "for three years", "months after") and
 * running totals ("so far", "since November 14 some 9,000 have returned") are not events of
 * the day.
 */
const HISTORY =
  /\b(?:for (?:the (?:past|last) )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:years|months|decades)|(?:years|months|decades) (?:after|before|ago|earlier|later)|in the past year|(?:has|have) been (?:stationed|deployed|based)|so far|to date|in total|(?:previous|last) reporting period|this year)\b/i;
/** One of these is in every match of HISTORY. */
const HISTORY_KEYS = ['year', 'month', 'decade', 'been', 'so far', 'to date', 'total', 'reporting'];
const PERFECT = /\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|wn)\b/i;

export interface DatedEvent {
  readonly event: Event;
  readonly rank: DateRank;
}

/**
 * Whether an event is background rather than news: dated more than a month before publication
 * or after tomorrow, dated only to a month or a year, or told in a sentence of history or
 * running totals. Without a publication date only the written precision and the words decide.
 *
 * @example isBackground({ event, rank: 0 }, sentence, dates, '2020-11-10') // false
 */
export function isBackground(
  e: DatedEvent,
  sentence: { start: number; end: number; text: string },
  dates: readonly DateMention[],
  published: string | null,
): boolean {
  const date = e.event.date;
  if (date && !date.inferred && (isCoarse(date, published) || isWideApproximate(date))) return true;
  if (isHistoryText(sentence.text)) return true;
  // "since late 2014, when the rebels seized the capital": the only date is a period's start.
  const own = within(dates, sentence.start, sentence.end).filter((d) => d.role !== 'stamp');
  if (e.rank === RANK_INFERRED && own.length > 0 && own.every((d) => d.role === 'since')) return true;
  return isOutsideNews(e.event, published);
}

/** Sentences are read once however many events they hold. */
const historyCache = new Map<string, boolean>();
const MAX_CACHE = 2000;

function isHistoryText(text: string): boolean {
  const cached = historyCache.get(text);
  if (cached !== undefined) return cached;
  const lower = text.toLowerCase();
  const is =
    (HISTORY_KEYS.some((k) => lower.includes(k)) && HISTORY.test(text)) ||
    (lower.includes('since') && PERFECT.test(text));
  if (historyCache.size >= MAX_CACHE) historyCache.clear();
  historyCache.set(text, is);
  return is;
}

/**
 * True when a sentence tells history or totals rather than the news: its words, or a date of a
 * month or more that does not hold publication.
 *
 * @example isHistorySentence('Hundreds have died this year.', []) // true
 */
export function isHistorySentence(text: string, dates: readonly DateMention[]): boolean {
  return dates.some((d) => COARSE.has(d.precision) && d.role !== 'stamp') || isHistoryText(text);
}

/** "last month", "in 2014": history; "this month" holds publication and may be the news. */
function isCoarse(date: NonNullable<Event['date']>, published: string | null): boolean {
  if (!COARSE.has(date.precision)) return false;
  return published === null || date.end < published || date.start > published;
}

function isWideApproximate(date: NonNullable<Event['date']>): boolean {
  const width = (parseDay(date.end) ?? 0) - (parseDay(date.start) ?? 0);
  return date.precision === 'approximate' && width > MAX_APPROXIMATE_DAYS;
}

function isOutsideNews(e: Event, published: string | null): boolean {
  const pub = parseDay(published);
  const end = parseDay(e.date?.end);
  const start = parseDay(e.date?.start);
  // Older than a month is history; after tomorrow is a plan or a deadline, not something that happened.
  return pub !== null && end !== null && start !== null && (end < pub - BACKGROUND_DAYS || start > pub + 1);
}
