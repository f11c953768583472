import { z } from 'zod';

/**
 * How precisely the record knows when an incident happened, finest first. A range
 * (`dateStart`–`dateEnd`) always goes with it; the precision says what the range means.
 * `night` is one night, which spans two calendar dates ("overnight", "last night").
 */
export const DATE_PRECISIONS = [
  'day',
  'night',
  'days',
  'week',
  'month',
  'season',
  'year',
  'decade',
  'unknown',
] as const;
export const DatePrecision = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecision>;

/**
 * The precisions extraction finds. Finer than the record in the way it names parts of a period
 * ("early November", "late 2020") and in `approximate` ("in recent weeks"), which the record
 * stores through `recordDatePrecision`.
 */
export const EXTRACTED_DATE_PRECISIONS = [
  'day',
  'night',
  'days',
  'week',
  'part_of_month',
  'month',
  'part_of_year',
  'year',
  'decade',
  'approximate',
] as const;
export const ExtractedDatePrecision = z.enum(EXTRACTED_DATE_PRECISIONS);
export type ExtractedDatePrecision = z.infer<typeof ExtractedDatePrecision>;

export interface DatePrecisionProperties {
  readonly label: string;
  /** The longest range, in calendar days, the precision names. */
  readonly days: number;
  /** ACLED `time_precision`: 1 the day is known, 2 within a week, 3 within a month or worse. */
  readonly acledTimePrecision: 1 | 2 | 3;
  /** UCDP GED `date_prec`: 1 the day, 2 two to six days, 3 a week, 4 a month, 5 a year or worse. */
  readonly ucdpDatePrecision: 1 | 2 | 3 | 4 | 5;
}

const precision = (
  label: string,
  days: number,
  acled: DatePrecisionProperties['acledTimePrecision'],
  ucdp: DatePrecisionProperties['ucdpDatePrecision'],
): DatePrecisionProperties => ({ label, days, acledTimePrecision: acled, ucdpDatePrecision: ucdp });

/**
 * Each record precision's codes in the exchange formats. A night is ACLED precision 1: ACLED
 * codes an overnight event to one day (its codebook's "the event date is known").
 */
export const DATE_PRECISION: Readonly<Record<DatePrecision, DatePrecisionProperties>> = {
  day: precision('on the day', 1, 1, 1),
  night: precision('overnight', 2, 1, 1),
  days: precision('within a few days', 6, 2, 2),
  week: precision('within the week', 7, 2, 3),
  month: precision('within the month', 31, 3, 4),
  season: precision('within a few months', 122, 3, 5),
  year: precision('within the year', 366, 3, 5),
  decade: precision('within the decade', 3653, 3, 5),
  unknown: precision('date unknown', Number.POSITIVE_INFINITY, 3, 5),
};

/**
 * The record precision of a range of that many days, when the range itself is all there is.
 *
 * @example precisionOfSpan(3) // 'days'
 */
export function precisionOfSpan(days: number): DatePrecision {
  if (days <= 1) return 'day';
  if (days <= 6) return 'days';
  if (days <= 7) return 'week';
  if (days <= 31) return 'month';
  if (days <= 122) return 'season';
  return days <= 366 ? 'year' : 'decade';
}

/**
 * The record's precision for an extracted date: parts of a month are known within the month,
 * parts of a year within a few months, and an approximate date ("in recent weeks") by the
 * length of the range extraction gave it.
 *
 * @example recordDatePrecision('night', 2) // 'night'
 * @example recordDatePrecision('part_of_month', 10) // 'month'
 * @example recordDatePrecision('approximate', 7) // 'week'
 */
export function recordDatePrecision(extracted: ExtractedDatePrecision, days: number): DatePrecision {
  if (extracted === 'part_of_month') return 'month';
  if (extracted === 'part_of_year') return 'season';
  if (extracted === 'approximate') return precisionOfSpan(days);
  return extracted;
}

/**
 * A record precision read from storage or an older export; anything unknown is `unknown`, and
 * extraction's finer names (stored by earlier versions) map as `recordDatePrecision` maps them.
 *
 * @example toDatePrecision('part_of_month', 10) // 'month'
 */
export function toDatePrecision(value: string | null, days: number): DatePrecision {
  const recorded = DATE_PRECISIONS.find((p) => p === value);
  if (recorded) return recorded;
  const extracted = EXTRACTED_DATE_PRECISIONS.find((p) => p === value);
  return extracted ? recordDatePrecision(extracted, days) : 'unknown';
}

/**
 * The precision that holds for a range. A range of several days decides by its length: the
 * precision words name how long a range is ("this week"), and the range is what is known (a
 * "week" of three days is known within a few days, a "day" spanning five days is not known to
 * the day). Three say more than their range: one night (two calendar dates, one night), an
 * unknown date (its range is a guess), and a single date standing for a longer period (ACLED
 * gives a week or a month one `event_date`).
 *
 * @example effectiveDatePrecision('night', 2) // 'night'
 * @example effectiveDatePrecision('day', 5) // 'days'
 * @example effectiveDatePrecision('week', 1) // 'week'
 */
export function effectiveDatePrecision(stated: DatePrecision, days: number): DatePrecision {
  if (stated === 'unknown' || days <= 1) return stated;
  if (stated === 'night' && days <= DATE_PRECISION.night.days) return stated;
  return precisionOfSpan(days);
}

const DAY_MS = 86_400_000;

/**
 * Calendar days from one ISO date to another, both included (1 for a single day).
 *
 * @example daysSpanned('2020-11-09', '2020-11-10') // 2
 */
export const daysSpanned = (start: string, end: string): number =>
  Math.round(
    (Date.parse(`${end.slice(0, 10)}T00:00:00Z`) - Date.parse(`${start.slice(0, 10)}T00:00:00Z`)) / DAY_MS,
  ) + 1;

/**
 * The record's precision for an extracted date range (no date: the day stands in, as the
 * publication date does).
 *
 * @example recordedPrecisionOf({ start: '2020-11-09', end: '2020-11-10', precision: 'night' }) // 'night'
 */
export function recordedPrecisionOf(
  date: { readonly start: string; readonly end: string; readonly precision: ExtractedDatePrecision } | null,
): DatePrecision {
  if (!date) return 'day';
  return recordDatePrecision(date.precision, daysSpanned(date.start, date.end));
}

/** What is shown for an incident no report dates: never the day it was read. */
export const NO_DATE_TEXT = 'date not stated';

/**
 * An incident's dates for people: one day, a range, or "date not stated".
 *
 * @example datesText({ dateStart: '2020-11-09', dateEnd: '2020-11-10' }) // '2020-11-09 – 2020-11-10'
 * @example datesText({ dateStart: null, dateEnd: null }) // 'date not stated'
 */
export function datesText(i: { readonly dateStart: string | null; readonly dateEnd: string | null }): string {
  if (i.dateStart === null) return NO_DATE_TEXT;
  return i.dateEnd === null || i.dateEnd === i.dateStart ? i.dateStart : `${i.dateStart} – ${i.dateEnd}`;
}
