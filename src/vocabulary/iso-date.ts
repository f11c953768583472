import { z } from 'zod';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a day that exists (`2020-02-29` does, `2021-02-29` does not), given the shape. */
const isRealDay = (s: string): boolean => {
  const time = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
};

/**
 * A calendar day, `YYYY-MM-DD`, the shape checked before the calendar so a malformed value never
 * reaches `Date`: `2020-2-3`, `2020-12-01T00:00:00Z`, ` 2020-01-01` and `-1` break the shape,
 * `2020-02-30` the calendar.
 *
 * @example IsoDate.parse('2020-11-10') // '2020-11-10'
 */
export const IsoDate = z.string().superRefine((s, ctx) => {
  if (!DATE_SHAPE.test(s)) ctx.addIssue({ code: 'custom', message: 'must be a date YYYY-MM-DD' });
  else if (!isRealDay(s)) ctx.addIssue({ code: 'custom', message: 'must be a real calendar date' });
});
