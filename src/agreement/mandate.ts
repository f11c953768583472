import { z } from 'zod';
import { IsoDate } from '../vocabulary/iso-date.js';
import { addDays, addMonths, daysBetween } from './calendar.js';

/** A mission's mandate: strength ceilings, term, automatic renewal and the notice to end it. */
export const Ceilings = z.object({
  personnel: z.number().int().min(0).nullable().default(null),
  armouredVehicles: z.number().int().min(0).nullable().default(null),
  otherVehicles: z.number().int().min(0).nullable().default(null),
});
export type Ceilings = z.infer<typeof Ceilings>;

const Months = z.number().int().min(1).max(1200);
const Years = z.number().int().min(1).max(100);

/**
 * A decision of the mandating body on record: a renewal to a stated last day (`until`), new
 * ceilings from the day it was taken, or both ("extended until 31 March 2016, up to 1,000 monitors").
 */
export const MandateDecision = z.object({
  decidedOn: IsoDate,
  /** The decision's number or symbol, as its body cites it. */
  reference: z.string().trim().min(1).max(100).nullable().default(null),
  summary: z.string().trim().min(1, 'must not be empty').max(1_000),
  /** The mandate's new last day (inclusive), when the decision renews it. */
  until: IsoDate.nullable().default(null),
  /** Ceilings in force from the decision on; an item left out keeps its ceiling. */
  ceilings: z
    .object({
      personnel: z.number().int().min(0).optional(),
      armouredVehicles: z.number().int().min(0).optional(),
      otherVehicles: z.number().int().min(0).optional(),
    })
    .nullable()
    .default(null),
});
export type MandateDecision = z.infer<typeof MandateDecision>;

export const MandateInput = z
  .object({
    startsOn: IsoDate,
    /** The first term, in years or in months (one of the two). */
    termYears: Years.nullable().default(null),
    termMonths: Months.nullable().default(null),
    /** Automatic renewal for this long unless notice is given (years or months; null: none). */
    renewalYears: Years.nullable().default(null),
    renewalMonths: Months.nullable().default(null),
    noticeMonths: z.number().int().min(0).max(120).nullable().default(null),
    ceilings: Ceilings.default({ personnel: null, armouredVehicles: null, otherVehicles: null }),
    /** Notices a party gave to end the mandate at the close of the current period. */
    notices: z.array(z.object({ party: z.string().min(1), givenOn: IsoDate })).default([]),
    /** Renewals and ceiling changes decided one at a time (a mandate that does not renew itself). */
    decisions: z.array(MandateDecision).default([]),
  })
  .refine((m) => (m.termYears === null) !== (m.termMonths === null), {
    message: 'must give the term in years or in months, not both',
    path: ['termMonths'],
  })
  .refine((m) => m.renewalYears === null || m.renewalMonths === null, {
    message: 'must give the renewal in years or in months, not both',
    path: ['renewalMonths'],
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
  /** The current period's last day in force (the day before `termEnd`). */
  readonly lastDay: string;
  /** The last day on which a party can give notice so that the current period is the last. */
  readonly noticeBy: string | null;
  /** The next date by which a party must give notice to end the mandate (null: it cannot renew, or has ended). */
  readonly nextNoticeDate: string | null;
  readonly renewsAutomatically: boolean;
  readonly daysToTermEnd: number;
  readonly daysToNextNotice: number | null;
  readonly noticeGiven: { readonly party: string; readonly givenOn: string } | null;
  /** The decision that renewed the mandate to the current period, if it was renewed by decision. */
  readonly renewedBy: MandateDecision | null;
  /** A renewal already decided beyond the current period: the last day it sets. */
  readonly renewedUntil: string | null;
}

const MAX_PERIODS = 1000;

const termMonthsOf = (m: Mandate): number => m.termMonths ?? (m.termYears ?? 0) * 12;
/** The automatic renewal period in months, or null when the mandate does not renew itself. */
const renewalMonthsOf = (m: Mandate): number | null =>
  m.renewalMonths ?? (m.renewalYears === null ? null : m.renewalYears * 12);

function periodBounds(m: Mandate, k: number): { start: string; end: string } {
  const renewal = renewalMonthsOf(m) ?? 0;
  const first = termMonthsOf(m);
  const start = k === 1 ? m.startsOn : addMonths(m.startsOn, first + (k - 2) * renewal);
  return { start, end: addMonths(m.startsOn, first + (k - 1) * renewal) };
}

const noticeByOf = (m: Mandate, end: string): string | null =>
  renewalMonthsOf(m) === null ? null : addMonths(end, -(m.noticeMonths ?? 0));

/** The period containing `date` (or the last one, if the mandate cannot renew further). */
function periodOf(m: Mandate, date: string): number {
  if (renewalMonthsOf(m) === null) return 1;
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
  if (renewalMonthsOf(m) === null && renewalsBy(m, asOf).length > 0) return renewedTerm(m, asOf);
  for (let k = 1; k <= periodOf(m, asOf); k += 1) {
    const notice = noticeFor(m, k, asOf);
    if (notice) {
      const ended = asOf >= periodBounds(m, k).end;
      return termView(m, { k, asOf, state: ended ? 'ended' : 'ending', notice });
    }
  }
  const k = periodOf(m, asOf);
  const ended = renewalMonthsOf(m) === null && asOf >= periodBounds(m, 1).end;
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
    lastDay: addDays(end, -1),
    noticeBy,
    nextNoticeDate: next,
    renewsAutomatically: canRenew && renewalMonthsOf(m) !== null,
    renewedBy: null,
    renewedUntil: null,
    daysToTermEnd: daysBetween(v.asOf, end),
    daysToNextNotice: next === null ? null : daysBetween(v.asOf, next),
    noticeGiven: v.notice ? { party: v.notice.party, givenOn: v.notice.givenOn } : null,
  };
}

/** Decisions taken by `asOf` that renew the mandate, in the order of the last day they set. */
function renewalsBy(m: Mandate, asOf: string): MandateDecision[] {
  return m.decisions
    .filter((d) => d.until !== null && d.decidedOn <= asOf)
    .sort((a, b) => (a.until ?? '').localeCompare(b.until ?? ''));
}

/**
 * The term of a mandate renewed by decisions: period 1 is the first term, each renewal taken by
 * `asOf` opens the next; past the last day set, the mandate has ended.
 */
function renewedTerm(m: Mandate, asOf: string): TermStatus {
  const renewals = renewalsBy(m, asOf);
  const ends = [addMonths(m.startsOn, termMonthsOf(m)), ...renewals.map((d) => addDays(d.until ?? '', 1))];
  const current = ends.findIndex((end) => asOf < end);
  const k = current === -1 ? ends.length : current + 1;
  const end = ends[k - 1] ?? m.startsOn;
  const start = k === 1 ? m.startsOn : (ends[k - 2] ?? m.startsOn);
  return {
    state: asOf >= end ? 'ended' : 'active',
    period: k,
    periodStart: start,
    termEnd: end,
    lastDay: addDays(end, -1),
    noticeBy: null,
    nextNoticeDate: null,
    renewsAutomatically: false,
    daysToTermEnd: daysBetween(asOf, end),
    daysToNextNotice: null,
    noticeGiven: null,
    renewedBy: k === 1 ? null : (renewals[k - 2] ?? null),
    renewedUntil: k < ends.length ? (renewals.at(-1)?.until ?? null) : null,
  };
}

/**
 * The ceilings in force on a date: the mandate's own, changed by each decision taken by then.
 *
 * @example ceilingsAsOf(smm, '2015-03-12').personnel === 1000 // raised from 500 that day
 */
export function ceilingsAsOf(m: Mandate, asOf: string): Ceilings {
  return [...m.decisions]
    .filter((d) => d.ceilings !== null && d.decidedOn <= asOf)
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn))
    .reduce<Ceilings>((c, d) => ({ ...c, ...d.ceilings }), m.ceilings);
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
