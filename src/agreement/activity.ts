import { z } from 'zod';
import { publicActor } from '../audit/actor.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { IsoDate } from '../vocabulary/iso-date.js';
import { Evidence } from './commitment.js';
import type { Strength } from './mandate.js';

/** A mission's daily activity record, as a monitor files it. Demining and returns are the day's own figures. */
const Count = z.number().int().min(0);
const Amount = z.number().finite().min(0);

/** A day's figures as they are, with nothing filled in: what a correction may change. */
export const ActivityFigures = z.object({
  personnel: Count.nullable(),
  armouredVehicles: Count.nullable(),
  otherVehicles: Count.nullable(),
  observationPosts: Count.nullable(),
  patrols: Count,
  patrolAreas: z.array(z.string().trim().min(1, 'must not be empty')),
  escortCorridor: z.string().trim().min(1, 'must not be empty').nullable(),
  escortVehicles: Count,
  escortPeople: Count,
  returned: Count,
  deminedHectares: Amount,
  deminedRoadKm: Amount,
  deminedBuildings: Count,
  explosiveItems: Count,
  humanitarianTonnes: Amount,
  violationsRecorded: Count,
  notes: z.string().max(5_000).nullable(),
  sources: z.array(Evidence),
});
const f = ActivityFigures.shape;

export const ActivityInput = z.object({
  day: IsoDate,
  personnel: f.personnel.default(null),
  armouredVehicles: f.armouredVehicles.default(null),
  otherVehicles: f.otherVehicles.default(null),
  observationPosts: f.observationPosts.default(null),
  patrols: f.patrols.default(0),
  patrolAreas: f.patrolAreas.default([]),
  escortCorridor: f.escortCorridor.default(null),
  escortVehicles: f.escortVehicles.default(0),
  escortPeople: f.escortPeople.default(0),
  returned: f.returned.default(0),
  deminedHectares: f.deminedHectares.default(0),
  deminedRoadKm: f.deminedRoadKm.default(0),
  deminedBuildings: f.deminedBuildings.default(0),
  explosiveItems: f.explosiveItems.default(0),
  humanitarianTonnes: f.humanitarianTonnes.default(0),
  violationsRecorded: f.violationsRecorded.default(0),
  notes: f.notes.default(null),
  sources: f.sources.default([]),
});
export type ActivityInput = z.input<typeof ActivityInput>;
export type Activity = z.infer<typeof ActivityInput>;
export type ActivityField = keyof z.infer<typeof ActivityFigures>;

/** A correction of a filed day: the figures that change (the rest stay) and why. */
export const ActivityCorrectionInput = ActivityFigures.partial().extend({
  reason: z.string().trim().min(1, 'must say why the day is corrected').max(2_000),
});
export type ActivityCorrectionInput = z.input<typeof ActivityCorrectionInput>;

/** What a day held before one correction, who corrected it, when and why, and what changed. */
export interface ActivityCorrection {
  readonly correctedAt: string;
  readonly correctedBy: string;
  readonly reason: string;
  readonly previous: Activity;
  readonly changed: readonly ActivityField[];
}

/** A filed day with every correction made to it, oldest first. */
export interface ActivityDay {
  readonly activity: Activity;
  readonly corrections: readonly ActivityCorrection[];
}

/**
 * A filed day as a caller outside the center sees it: who corrected it shown as the monitoring center.
 *
 * @example dayForOutsiders(day).corrections[0]?.correctedBy // 'monitoring center'
 */
export function dayForOutsiders(day: ActivityDay): ActivityDay {
  return {
    ...day,
    corrections: day.corrections.map((c) => ({ ...c, correctedBy: publicActor(c.correctedBy) })),
  };
}

const FIELDS = Object.keys(ActivityFigures.shape) as ActivityField[];

/**
 * The fields whose values differ between two records of a day, in the schema's order.
 *
 * @example changedFields(filed, { ...filed, patrols: 5 }) // ['patrols']
 */
export function changedFields(before: Activity, after: Activity): ActivityField[] {
  return FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * The day as a correction leaves it: the filed record with the given figures replaced. A
 * correction that changes nothing is refused, naming the rule.
 *
 * @example correctedActivity(filed, { patrols: 5, reason: 'two patrols were left out' }).patrols // 5
 */
export function correctedActivity(filed: Activity, input: ActivityCorrectionInput): Activity {
  const parsed = parseInput(ActivityCorrectionInput, input, 'correction');
  const defined = Object.fromEntries(
    Object.entries(parsed).filter(([k, v]) => k !== 'reason' && v !== undefined),
  );
  const next = parseInput(ActivityInput, { ...filed, ...defined, day: filed.day }, 'correction');
  if (changedFields(filed, next).length === 0)
    throw invalid('correction', 'must change at least one figure of the day');
  return next;
}

/**
 * The figures a new day's form starts from: the last day filed before it, with the day's own
 * notes and sources left empty (they describe that day only).
 *
 * @example prefillFrom(records, '2020-11-21')?.patrols // the patrols of 2020-11-20, if filed
 */
export function prefillFrom(records: readonly Activity[], day: string): Activity | null {
  const last = [...records]
    .filter((r) => r.day < day)
    .sort((a, b) => a.day.localeCompare(b.day))
    .at(-1);
  return last ? { ...last, day, notes: null, sources: [] } : null;
}

export interface ActivityTotals {
  readonly days: number;
  readonly patrols: number;
  readonly escortVehicles: number;
  readonly escortPeople: number;
  readonly returned: number;
  readonly deminedHectares: number;
  readonly deminedRoadKm: number;
  readonly deminedBuildings: number;
  readonly explosiveItems: number;
  readonly humanitarianTonnes: number;
  readonly violationsRecorded: number;
}

/** Sums to one decimal place so floating point never shows as 12.300000000000001. */
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Cumulative totals of every record up to and including `through`.
 *
 * @example activityTotals(records, '2020-12-01').returned // people returned since the first record
 */
export function activityTotals(records: readonly Activity[], through: string): ActivityTotals {
  const upTo = records.filter((r) => r.day <= through);
  const sum = (pick: (r: Activity) => number) => upTo.reduce((total, r) => total + pick(r), 0);
  return {
    days: upTo.length,
    patrols: sum((r) => r.patrols),
    escortVehicles: sum((r) => r.escortVehicles),
    escortPeople: sum((r) => r.escortPeople),
    returned: sum((r) => r.returned),
    deminedHectares: round1(sum((r) => r.deminedHectares)),
    deminedRoadKm: round1(sum((r) => r.deminedRoadKm)),
    deminedBuildings: sum((r) => r.deminedBuildings),
    explosiveItems: sum((r) => r.explosiveItems),
    humanitarianTonnes: round1(sum((r) => r.humanitarianTonnes)),
    violationsRecorded: sum((r) => r.violationsRecorded),
  };
}

/**
 * The most recent strength reported on or before `through`, field by field.
 *
 * @example latestStrength(records, '2020-11-30') // { personnel: 1960, armouredVehicles: 90, otherVehicles: 380 }
 */
export function latestStrength(
  records: readonly Activity[],
  through: string,
): Strength & { asOf: string | null } {
  const upTo = [...records].filter((r) => r.day <= through).sort((a, b) => b.day.localeCompare(a.day));
  const pick = (key: 'personnel' | 'armouredVehicles' | 'otherVehicles') =>
    upTo.find((r) => r[key] !== null)?.[key] ?? null;
  const asOf = upTo.find(
    (r) => r.personnel !== null || r.armouredVehicles !== null || r.otherVehicles !== null,
  );
  return {
    personnel: pick('personnel'),
    armouredVehicles: pick('armouredVehicles'),
    otherVehicles: pick('otherVehicles'),
    asOf: asOf?.day ?? null,
  };
}
