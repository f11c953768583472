import { z } from 'zod';
import { addDays, localDate } from './calendar.js';
import type { DeadlineInput } from './commitment.js';

/**
 * A deadline stated against another date of the agreement: "no later than the second day after
 * the ceasefire", "within 14 days", "by the fifth day after the withdrawal". `of` is
 * `entry_into_force` (the agreement's effective day) or the clause of an earlier commitment whose
 * deadline it counts from. It is read in the agreement's time zone.
 */
export const RelativeDeadline = z.object({
  daysAfter: z.number().int().min(0).max(3_650),
  of: z.string().trim().min(1, 'must name entry_into_force or an earlier clause'),
  inclusive: z.boolean(),
});
export type RelativeDeadline = z.infer<typeof RelativeDeadline>;

type Absolute = z.infer<typeof DeadlineInput>;

interface Dated {
  readonly signedOn: string | null;
  readonly effectiveAt: string | null;
  readonly timeZone: string;
  readonly commitments: readonly {
    readonly clause: string;
    readonly deadline: Absolute | RelativeDeadline | null;
  }[];
}

export interface DeadlineIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

const isRelative = (d: Absolute | RelativeDeadline): d is RelativeDeadline => 'daysAfter' in d;

/** The agreement's first day in force, in its own zone: its effective instant's day, else its signing day. */
function entryIntoForce(a: Dated): string | null {
  if (a.effectiveAt !== null) return localDate(new Date(a.effectiveAt), a.timeZone);
  return a.signedOn;
}

/**
 * Every commitment's deadline as a date, relative ones counted from what they name. A relative
 * deadline may only count from an earlier clause (so there are no cycles); what cannot be
 * resolved is returned as issues naming the commitment's path.
 *
 * @example resolveDeadlines(agreement).deadlines.get('2b') // { date: '2015-03-03', timeZone: 'Europe/Kyiv', inclusive: true }
 */
export function resolveDeadlines(a: Dated): {
  deadlines: Map<string, Absolute | null>;
  issues: DeadlineIssue[];
} {
  const deadlines = new Map<string, Absolute | null>();
  const issues: DeadlineIssue[] = [];
  a.commitments.forEach((c, i) => {
    const d = c.deadline;
    if (d === null || !isRelative(d)) return void deadlines.set(c.clause, d);
    const anchor = d.of === 'entry_into_force' ? entryIntoForce(a) : deadlines.get(d.of)?.date;
    if (anchor === undefined || anchor === null) {
      issues.push({
        path: ['commitments', i, 'deadline', 'of'],
        message:
          d.of === 'entry_into_force'
            ? 'counts from entry into force, but the agreement has neither effectiveAt nor signedOn'
            : `must name entry_into_force or an earlier clause with a deadline ("${d.of}" is not one)`,
      });
      return void deadlines.set(c.clause, null);
    }
    deadlines.set(c.clause, {
      date: addDays(anchor, d.daysAfter),
      timeZone: a.timeZone,
      inclusive: d.inclusive,
    });
  });
  return { deadlines, issues };
}
