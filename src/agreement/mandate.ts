import { z } from 'zod';
import { IsoDate } from '../record/schemas.js';
import { addMonths, addYears, daysBetween } from './calendar.js';

/** A mission's mandate: strength ceilings, term, automatic renewal and the notice to end it. */
export const Ceilings = z.object({
  personnel: z.number().int().min(0).nullable().default(null),
  armouredVehicles: z.number().int().min(0).nullable().default(null),
  otherVehicles: z.number().int().min(0).nullable().default(null),
});
export type Ceilings = z.infer<typeof Ceilings>;

export const MandateInput = z.object({
  startsOn: IsoDate,
  termYears: z.number().int().min(1).max(100),
  renewalYears: z.number().int().min(1).max(100).nullable().default(null),
  noticeMonths: z.number().int().min(0).max(120).nullable().default(null),
  ceilings: Ceilings.default({ personnel: null, armouredVehicles: null, otherVehicles: null }),
  /** Notices a party gave to end the mandate at the close of the current period. */
  notices: z.array(z.object({ party: z.string().min(1), givenOn: IsoDate })).default([]),
});
export type MandateInput = z.input<typeof MandateInput>;
export type Mandate = z.infer<typeof MandateInput>;

export type TermState = 'not_started' | 'active' | 'ending' | 'ended';

export interface TermStatus {
  readonly state: TermState;
  /** 1 for the first term, 2 for the first renewal… (0 before the start). */
  readonly period: number;
  readonly periodStart: string;
  /** The date the current period expires (the next period, if any, starts that day). */
  readonly termEnd: string;
  /** The last day on which a party can give notice so that the current period is the last. */
  readonly noticeBy: string | null;
  /** The next date by which a party must give notice to end the mandate (null: it cannot renew, or has ended). */
  readonly nextNoticeDate: string | null;
  readonly renewsAutomatically: boolean;
  readonly daysToTermEnd: number;
  readonly daysToNextNotice: number | null;
  readonly noticeGiven: { readonly party: string; readonly givenOn: string } | null;
}

const MAX_PERIODS = 1000;

function periodBounds(m: Mandate, k: number): { start: string; end: string } {
  const renewal = m.renewalYears ?? 0;
  const start = k === 1 ? m.startsOn : addYears(m.startsOn, m.termYears + (k - 2) * renewal);
  return { start, end: addYears(m.startsOn, m.termYears + (k - 1) * renewal) };
}

const noticeByOf = (m: Mandate, end: string): string | null =>
  m.renewalYears === null ? null : addMonths(end, -(m.noticeMonths ?? 0));

/** The period containing `date` (or the last one, if the mandate cannot renew further). */
function periodOf(m: Mandate, date: string): number {
  if (m.renewalYears === null) return 1;
  let k = 1;
  while (k < MAX_PERIODS && periodBounds(m, k).end <= date) k += 1;
  return k;
}

/** A notice counts for the period in which it was given, if given by that period's notice date. */
function noticeFor(m: Mandate, k: number, asOf: string): Mandate['notices'][number] | null {
  const { start, end } = periodBounds(m, k);
  const by = noticeByOf(m, end);
  return (
    m.notices.find((n) => n.givenOn >= start && n.givenOn <= asOf && by !== null && n.givenOn <= by) ?? null
  );
}

/**
 * The mandate's term as of a date: which period, when it ends, and the next date by which a party
 * must give notice to stop the automatic renewal. Notice given on the notice date itself counts.
 *
 * @example termAsOf(mandate, '2024-01-01').nextNoticeDate === '2025-05-10' // 5 years from 2020-11-10, 6 months' notice
 */
export function termAsOf(m: Mandate, asOf: string): TermStatus {
  if (asOf < m.startsOn) return termView(m, { k: 1, asOf, state: 'not_started', notice: null });
  for (let k = 1; k <= periodOf(m, asOf); k += 1) {
    const notice = noticeFor(m, k, asOf);
    if (notice) {
      const ended = asOf >= periodBounds(m, k).end;
      return termView(m, { k, asOf, state: ended ? 'ended' : 'ending', notice });
    }
  }
  const k = periodOf(m, asOf);
  const ended = m.renewalYears === null && asOf >= periodBounds(m, 1).end;
  return termView(m, { k, asOf, state: ended ? 'ended' : 'active', notice: null });
}

function termView(
  m: Mandate,
  v: { k: number; asOf: string; state: TermState; notice: Mandate['notices'][number] | null },
): TermStatus {
  const { start, end } = periodBounds(m, v.k);
  const noticeBy = noticeByOf(m, end);
  const canRenew = v.state === 'active' || v.state === 'not_started';
  const next = canRenew && noticeBy !== null ? nextNotice(m, v.k, v.asOf) : null;
  return {
    state: v.state,
    period: v.state === 'not_started' ? 0 : v.k,
    periodStart: start,
    termEnd: end,
    noticeBy,
    nextNoticeDate: next,
    renewsAutomatically: canRenew && m.renewalYears !== null,
    daysToTermEnd: daysBetween(v.asOf, end),
    daysToNextNotice: next === null ? null : daysBetween(v.asOf, next),
    noticeGiven: v.notice ? { party: v.notice.party, givenOn: v.notice.givenOn } : null,
  };
}

/** This period's notice date if it has not passed, else the next period's (this one renews). */
function nextNotice(m: Mandate, k: number, asOf: string): string | null {
  const here = noticeByOf(m, periodBounds(m, k).end);
  if (here !== null && asOf <= here) return here;
  return noticeByOf(m, periodBounds(m, k + 1).end);
}

export interface Strength {
  readonly personnel: number | null;
  readonly armouredVehicles: number | null;
  readonly otherVehicles: number | null;
}

export interface CeilingFlag {
  readonly item: keyof Strength;
  readonly reported: number;
  readonly ceiling: number;
  readonly excess: number;
}

/**
 * Strength figures reported above the mandate's ceilings.
 *
 * @example checkCeilings({ personnel: 1960, armouredVehicles: 90, otherVehicles: 380 }, { personnel: 2000, armouredVehicles: 90, otherVehicles: null })
 *   // [{ item: 'personnel', reported: 2000, ceiling: 1960, excess: 40 }]
 */
export function checkCeilings(ceilings: Ceilings, reported: Strength): CeilingFlag[] {
  const items = ['personnel', 'armouredVehicles', 'otherVehicles'] as const;
  return items.flatMap((item) => {
    const ceiling = ceilings[item];
    const value = reported[item];
    if (ceiling === null || value === null || value <= ceiling) return [];
    return [{ item, reported: value, ceiling, excess: value - ceiling }];
  });
}
