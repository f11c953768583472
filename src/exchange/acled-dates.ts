/**
 * The date forms ACLED files arrive in: ACLED's own `28 December 2022`, ISO `2022-12-28`, and the
 * forms spreadsheets write when they re-save a file (`9-May-20`, `2020/03/21`, `21/03/2020`,
 * `May 9, 2020`). A numeric day-month pair that could be read either way (`03/04/2020`) is
 * refused unless the caller says which order the file uses.
 */

/** How to read an all-numeric date whose first two parts could both be a day or a month. */
export type DateOrder = 'dmy' | 'mdy';

export type DateReading = { readonly date: string } | { readonly error: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const MAX_DATE_CHARS = 40;
const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

/**
 * An ACLED `event_date` as `YYYY-MM-DD`, or the reason it cannot be read. A two-digit year is
 * taken from the row's `year` column when it has one, else as 19xx from 70 and 20xx below.
 *
 * @example readAcledDate('28 December 2022') // { date: '2022-12-28' }
 * @example readAcledDate('9-May-20') // { date: '2020-05-09' }
 * @example readAcledDate('03/04/2020').error // 'is ambiguous (day/month or month/day) …'
 */
export function readAcledDate(text: string, options: { order?: DateOrder; year?: string } = {}): DateReading {
  const s = text.trim();
  if (s === '') return { error: 'must not be empty' };
  if (s.length > MAX_DATE_CHARS) return { error: `must be at most ${MAX_DATE_CHARS} characters` };
  let m = YEAR_FIRST.exec(s);
  if (m) return calendar(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return named(m[2] ?? '', Number(m[1]), m[3] ?? '', options.year);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return named(m[1] ?? '', Number(m[2]), m[3] ?? '', options.year);
  m = NUMERIC.exec(s);
  if (m) return numeric(Number(m[1]), Number(m[3]), m[4] ?? '', options);
  return { error: 'must be a date such as 28 December 2022, 2022-12-28 or 28-Dec-22' };
}

function named(month: string, day: number, year: string, yearColumn: string | undefined): DateReading {
  const number = MONTHS[month.toLowerCase()];
  if (number === undefined) return { error: `names no month ("${month}")` };
  return calendar(fullYear(year, yearColumn), number, day);
}

function numeric(first: number, second: number, year: string, options: { order?: DateOrder; year?: string }) {
  const y = fullYear(year, options.year);
  if (first > 12 && second <= 12) return calendar(y, second, first);
  if (second > 12 && first <= 12) return calendar(y, first, second);
  if (first === second) return calendar(y, first, second);
  if (options.order === 'dmy') return calendar(y, second, first);
  if (options.order === 'mdy') return calendar(y, first, second);
  return { error: 'is ambiguous (day/month or month/day); say which with --date-order dmy or mdy' };
}

function fullYear(year: string, yearColumn: string | undefined): number {
  if (year.length === 4) return Number(year);
  const yy = Number(year);
  const column = Number(yearColumn?.trim());
  if (Number.isInteger(column) && column >= 1000 && column % 100 === yy) return column;
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}

function calendar(year: number, month: number, day: number): DateReading {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { error: 'must be a real calendar date' };
  return { date: date.toISOString().slice(0, 10) };
}
