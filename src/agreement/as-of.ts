import { z } from 'zod';
import { IsoDate } from '../record/schemas.js';
import { asOfDate, asOfInstant, type AsOf } from './deadline.js';

/**
 * An `--as-of` value: a calendar date (`2020-11-21`) or an instant with its offset
 * (`2020-11-20T23:30:00+03:00`).
 *
 * @example parseInput(AsOfText, '2020-11-21', '--as-of') // { kind: 'date', date: '2020-11-21' }
 */
export const AsOfText = z.union([
  IsoDate.transform((date): AsOf => asOfDate(date)),
  z.iso
    .datetime({ offset: true, message: 'must be a date YYYY-MM-DD or a date-time with offset' })
    .transform((at): AsOf => asOfInstant(new Date(at))),
]);

/** The date an `AsOf` names when only a calendar day will do (mission term, bulletins): its UTC day for an instant. */
export const calendarDayOf = (asOf: AsOf): string =>
  asOf.kind === 'date' ? asOf.date : asOf.at.toISOString().slice(0, 10);
