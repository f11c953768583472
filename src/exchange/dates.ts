import type { Incident } from '../record/schemas.js';
import { DATE_PRECISION, daysSpanned, effectiveDatePrecision } from '../vocabulary/index.js';

const DAY_MS = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export { daysSpanned };

type Dated = Pick<Incident, 'datePrecision' | 'dateStart' | 'dateEnd'>;
const precisionOf = (i: Dated) =>
  DATE_PRECISION[
    i.dateStart === null || i.dateEnd === null
      ? 'unknown'
      : effectiveDatePrecision(i.datePrecision, daysSpanned(i.dateStart, i.dateEnd))
  ];

/** An incident no report dates (both dates null): formats that need a date leave it out. */
export const isUndated = (i: Pick<Incident, 'dateStart' | 'dateEnd'>): boolean =>
  i.dateStart === null || i.dateEnd === null;

/**
 * ACLED `time_precision` from the date precision (1 the day or one night is known, 2 within a
 * week, 3 a month or more), coarser when the range is longer than its precision names.
 *
 * @example acledTimePrecision({ datePrecision: 'night', dateStart: '2020-11-09', dateEnd: '2020-11-10' }) // 1
 */
export function acledTimePrecision(i: Dated): 1 | 2 | 3 {
  return precisionOf(i).acledTimePrecision;
}

/**
 * ACLED records a less precise event at the middle of its period (earlier day on a tie); an
 * undated incident has no day (empty: ACLED's export leaves such incidents out, HXL writes it blank).
 */
export function acledEventDate(i: Pick<Incident, 'dateStart' | 'dateEnd'>): string {
  if (i.dateStart === null || i.dateEnd === null) return '';
  const start = toMs(i.dateStart);
  const days = daysSpanned(i.dateStart, i.dateEnd);
  return toIso(start + Math.floor((days - 1) / 2) * DAY_MS);
}

/**
 * UCDP `date_prec` from the date precision (1 day, 2 two to six days, 3 a week, 4 a month, 5 a year).
 *
 * @example ucdpDatePrecision({ datePrecision: 'week', dateStart: '2020-11-02', dateEnd: '2020-11-08' }) // 3
 */
export function ucdpDatePrecision(i: Dated): number {
  return precisionOf(i).ucdpDatePrecision;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "9 November 2020", for notes (one formatter, built once: building one costs more than a row). */
export const longDate = (iso: string): string => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));
