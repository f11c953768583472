/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and the start of a day in an IANA time zone.
 * Pure: no clock, no environment; time zones come from the runtime's Intl data.
 */

export type IsoDate = string;

const DAY_MS = 86_400_000;

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? NaN, m ?? NaN, d ?? NaN];
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Adds days to a date.
 *
 * @example addDays('2020-11-30', 1) === '2020-12-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Adds calendar months, clamping to the month's last day (31 Aug + 6 months = 28 or 29 Feb).
 *
 * @example addMonths('2025-11-10', -6) === '2025-05-10'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * Adds calendar years (29 Feb + 1 year = 28 Feb).
 *
 * @example addYears('2020-11-10', 5) === '2025-11-10'
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (Moscow: +3 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(fields.find((f) => f.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a calendar day begins in a time zone.
 *
 * @example startOfDay('2020-11-10', 'Europe/Moscow').toISOString() === '2020-11-09T21:00:00.000Z'
 */
export function startOfDay(date: IsoDate, timeZone: string): Date {
  const [y, m, d] = parts(date);
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
  // A second pass settles days whose offset differs from the first guess's (daylight saving).
  guess = wall - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/**
 * The calendar date of an instant in a time zone.
 *
 * @example localDate(new Date('2020-11-20T21:30:00Z'), 'Europe/Moscow') === '2020-11-21'
 */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return new Date(instant.getTime() + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

/** True when `timeZone` is an IANA zone the runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
