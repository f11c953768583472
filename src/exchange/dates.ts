import type { Incident } from '../record/schemas.js';

const DAY_MS = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Days from start to end, inclusive. */
export const daysSpanned = (start: string, end: string): number =>
  Math.round((toMs(end) - toMs(start)) / DAY_MS) + 1;

/**
 * ACLED `time_precision`: 1 the day is known, 2 a week or a few days, 3 a month or more.
 *
 * @example acledTimePrecision({ datePrecision: 'day', dateStart: '2020-11-09', dateEnd: '2020-11-09' }) // 1
 */
export function acledTimePrecision(i: Pick<Incident, 'datePrecision' | 'dateStart' | 'dateEnd'>): 1 | 2 | 3 {
  const days = daysSpanned(i.dateStart, i.dateEnd);
  if (i.datePrecision === 'day' && days === 1) return 1;
  if ((i.datePrecision === 'day' || i.datePrecision === 'week') && days <= 7) return 2;
  return 3;
}

/** ACLED records a less precise event at the middle of its period (earlier day on a tie). */
export function acledEventDate(i: Pick<Incident, 'dateStart' | 'dateEnd'>): string {
  const start = toMs(i.dateStart);
  const days = daysSpanned(i.dateStart, i.dateEnd);
  return toIso(start + Math.floor((days - 1) / 2) * DAY_MS);
}

/** UCDP `date_prec`: 1 day, 2 two to six days, 3 a week, 4 a month, 5 a year. */
export function ucdpDatePrecision(i: Pick<Incident, 'datePrecision' | 'dateStart' | 'dateEnd'>): number {
  const days = daysSpanned(i.dateStart, i.dateEnd);
  if (i.datePrecision === 'day' && days === 1) return 1;
  if (days <= 6 && i.datePrecision !== 'month' && i.datePrecision !== 'year') return 2;
  if (days <= 7 || i.datePrecision === 'week') return 3;
  if (days <= 31 || i.datePrecision === 'month') return 4;
  return 5;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "9 November 2020", for notes (one formatter, built once: building one costs more than a row). */
export const longDate = (iso: string): string => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));
