import { z } from 'zod';
import { IsoDate } from '../vocabulary/iso-date.js';
import { activityTotals, latestStrength, type Activity, type ActivityTotals } from './activity.js';
import {
  ceilingsAsOf,
  checkCeilings,
  MandateInput,
  termAsOf,
  type CeilingFlag,
  type Mandate,
  type Strength,
  type TermStatus,
} from './mandate.js';

/** Observation posts and units of a mission, and its status as of a date. */
export const PostInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]+$/, 'must be letters, digits and dashes'),
    name: z.string().trim().min(1).max(300),
    placeName: z.string().max(300).nullable().default(null),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    openedOn: IsoDate,
    closedOn: IsoDate.nullable().default(null),
  })
  .refine((p) => p.closedOn === null || p.closedOn >= p.openedOn, {
    message: 'must not be before openedOn',
    path: ['closedOn'],
  });
export type PostInput = z.input<typeof PostInput>;
export type Post = z.infer<typeof PostInput>;

export const UnitInput = z.object({
  name: z.string().trim().min(1).max(300),
  kind: z.enum([
    'headquarters',
    'infantry',
    'military_police',
    'engineers',
    'demining',
    'medical',
    'logistics',
    'aviation',
    'monitoring_team',
    'other',
  ]),
  personnel: z.number().int().min(0).nullable().default(null),
  base: z.string().max(300).nullable().default(null),
  fromDate: IsoDate,
  toDate: IsoDate.nullable().default(null),
});
export type UnitInput = z.input<typeof UnitInput>;
export type Unit = z.infer<typeof UnitInput>;

/** A mission as it is recorded: its mandate, units and posts (a theatre pack's `missions` hold these). */
export const MissionInput = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes'),
  name: z.string().trim().min(1).max(300),
  /** The agreement the mission serves (its slug), if it is on record. */
  agreementSlug: z.string().nullable().default(null),
  mandate: MandateInput,
  units: z.array(UnitInput).default([]),
  posts: z.array(PostInput).default([]),
});
export type MissionInput = z.input<typeof MissionInput>;

export interface MissionFacts {
  readonly slug: string;
  readonly name: string;
  readonly agreement: string | null;
  readonly mandate: Mandate;
  readonly posts: readonly Post[];
  readonly units: readonly Unit[];
  readonly activity: readonly Activity[];
}

export interface MissionStatus {
  readonly mission: { readonly slug: string; readonly name: string; readonly agreement: string | null };
  readonly asOf: string;
  readonly term: TermStatus;
  readonly ceilings: Mandate['ceilings'];
  readonly strength: Strength & { readonly asOf: string | null };
  readonly ceilingFlags: readonly CeilingFlag[];
  readonly posts: { readonly open: number; readonly closed: number; readonly list: readonly Post[] };
  readonly units: readonly Unit[];
  readonly today: Activity | null;
  readonly totals: ActivityTotals;
}

const isOpen = (from: string, to: string | null, day: string) => from <= day && (to === null || to > day);

/**
 * Everything the mission dashboard shows for a date: term and notice dates, strength against the
 * ceilings in force that day (flagged when above), open posts, units, the day's activity and the totals to date.
 *
 * @example missionStatus(facts, '2020-12-01').term.nextNoticeDate === '2025-05-10'
 */
export function missionStatus(facts: MissionFacts, asOf: string): MissionStatus {
  const strength = latestStrength(facts.activity, asOf);
  const open = facts.posts.filter((p) => isOpen(p.openedOn, p.closedOn, asOf));
  const ceilings = ceilingsAsOf(facts.mandate, asOf);
  return {
    mission: { slug: facts.slug, name: facts.name, agreement: facts.agreement },
    asOf,
    term: termAsOf(facts.mandate, asOf),
    ceilings,
    strength,
    ceilingFlags: checkCeilings(ceilings, strength),
    posts: {
      open: open.length,
      closed: facts.posts.filter((p) => p.closedOn !== null && p.closedOn <= asOf).length,
      list: open,
    },
    units: facts.units.filter((u) => isOpen(u.fromDate, u.toDate, asOf)),
    today: facts.activity.find((a) => a.day === asOf) ?? null,
    totals: activityTotals(facts.activity, asOf),
  };
}
