import { addDays, daysBetween, localDate, startOfDay, type IsoDate } from './calendar.js';

/**
 * A deadline as an agreement states it: a calendar date read in one time zone, and whether
 * "by" includes that day ("by 20 November": inclusive) or not ("before 20 November": exclusive).
 */
export interface Deadline {
  readonly date: IsoDate;
  readonly timeZone: string;
  readonly inclusive: boolean;
}

/**
 * The moment a question is asked about: a whole calendar day (judged at its last moment, in the
 * time zone of whatever is being judged) or an exact instant.
 */
export type AsOf =
  { readonly kind: 'date'; readonly date: IsoDate } | { readonly kind: 'instant'; readonly at: Date };

/** @example asOfDate('2020-11-21') */
export const asOfDate = (date: IsoDate): AsOf => ({ kind: 'date', date });
/** @example asOfInstant(new Date('2020-11-20T21:00:00Z')) */
export const asOfInstant = (at: Date): AsOf => ({ kind: 'instant', at });

/**
 * The instant an `AsOf` stands for in a time zone: for a date, the last millisecond of that day there.
 *
 * @example instantOf(asOfDate('2020-11-20'), 'Europe/Moscow').toISOString() === '2020-11-20T20:59:59.999Z'
 */
export function instantOf(asOf: AsOf, timeZone: string): Date {
  if (asOf.kind === 'instant') return asOf.at;
  return new Date(startOfDay(addDays(asOf.date, 1), timeZone).getTime() - 1);
}

/** The calendar date an `AsOf` falls on in a time zone. */
export function dateOf(asOf: AsOf, timeZone: string): IsoDate {
  return asOf.kind === 'date' ? asOf.date : localDate(asOf.at, timeZone);
}

/**
 * The first instant at which the deadline has passed: the start of the next day when "by"
 * includes the day, the start of the day itself when it does not.
 *
 * @example dueInstant({ date: '2020-11-20', timeZone: 'Europe/Moscow', inclusive: true }).toISOString()
 *   === '2020-11-20T21:00:00.000Z'
 */
export function dueInstant(deadline: Deadline): Date {
  const day = deadline.inclusive ? addDays(deadline.date, 1) : deadline.date;
  return startOfDay(day, deadline.timeZone);
}

/**
 * Whether the deadline has passed as of a date or instant.
 *
 * @example isPastDue({ date: '2020-11-20', timeZone: 'Europe/Moscow', inclusive: true }, asOfDate('2020-11-21')) === true
 */
export function isPastDue(deadline: Deadline, asOf: AsOf): boolean {
  return instantOf(asOf, deadline.timeZone).getTime() >= dueInstant(deadline).getTime();
}

/**
 * Whether something dated `date` (a calendar day in `timeZone`) had happened by `asOf`: its day
 * must have begun.
 *
 * @example hasHappened('2020-11-20', asOfDate('2020-11-20'), 'Europe/Moscow') === true
 */
export function hasHappened(date: IsoDate, asOf: AsOf, timeZone: string): boolean {
  return startOfDay(date, timeZone).getTime() <= instantOf(asOf, timeZone).getTime();
}

/**
 * Days left until the last day on which the obligation may still be met (0: today is that day;
 * negative: past due).
 *
 * @example daysLeft({ date: '2020-12-01', timeZone: 'Europe/Moscow', inclusive: true }, asOfDate('2020-11-28')) === 3
 */
export function daysLeft(deadline: Deadline, asOf: AsOf): number {
  const lastDay = deadline.inclusive ? deadline.date : addDays(deadline.date, -1);
  return daysBetween(dateOf(asOf, deadline.timeZone), lastDay);
}
