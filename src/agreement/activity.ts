import { z } from 'zod';
import { IsoDate } from '../vocabulary/iso-date.js';
import { Evidence } from './commitment.js';
import type { Strength } from './mandate.js';

/** A mission's daily activity record, as a monitor files it. Demining and returns are the day's own figures. */
const Count = z.number().int().min(0);
const Amount = z.number().finite().min(0);

export const ActivityInput = z.object({
  day: IsoDate,
  personnel: Count.nullable().default(null),
  armouredVehicles: Count.nullable().default(null),
  otherVehicles: Count.nullable().default(null),
  observationPosts: Count.nullable().default(null),
  patrols: Count.default(0),
  patrolAreas: z.array(z.string().min(1)).default([]),
  escortCorridor: z.string().min(1).nullable().default(null),
  escortVehicles: Count.default(0),
  escortPeople: Count.default(0),
  returned: Count.default(0),
  deminedHectares: Amount.default(0),
  deminedRoadKm: Amount.default(0),
  deminedBuildings: Count.default(0),
  explosiveItems: Count.default(0),
  humanitarianTonnes: Amount.default(0),
  violationsRecorded: Count.default(0),
  notes: z.string().max(5_000).nullable().default(null),
  sources: z.array(Evidence).default([]),
});
export type ActivityInput = z.input<typeof ActivityInput>;
export type Activity = z.infer<typeof ActivityInput>;

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
