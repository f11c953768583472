import { z } from 'zod';
import { IsoDate } from '../vocabulary/iso-date.js';
import { asOfDate, asOfInstant, type AsOf } from './deadline.js';

/**
 * An `--as-of` value: a calendar date (`2020-11-21`) or an instant with its offset
 * (`2020-11-20T23:30:00+03:00`).
 *
 * @example parseInput(AsOfText, '2020-11-21', '--as-of') // { kind: 'date', date: '2020-11-21' }
 */
const Instant = z.iso.datetime({ offset: true });
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export const AsOfText = z.string().transform((text, ctx): AsOf => {
  if (Instant.safeParse(text).success) return asOfInstant(new Date(text));
  // The shape first: IsoDate's calendar check is only meant for strings shaped like a date.
  if (DATE_SHAPE.test(text) && IsoDate.safeParse(text).success) return asOfDate(text);
  ctx.addIssue({ code: 'custom', message: 'must be a date YYYY-MM-DD or a date-time with offset' });
  return z.NEVER;
});

/** The date an `AsOf` names when only a calendar day will do (mission term, bulletins): its UTC day for an instant. */
export const calendarDayOf = (asOf: AsOf): string =>
  asOf.kind === 'date' ? asOf.date : asOf.at.toISOString().slice(0, 10);
