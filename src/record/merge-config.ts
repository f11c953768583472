import type { IncidentFamily } from '../vocabulary/index.js';

/**
 * Every tolerance of the merge in one place: the same values drive `ingest` (candidates from the
 * database) and the batch clusterer behind `bench:dedup`, so a change here changes both.
 */
export interface MergeConfig {
  /** A report scoring at least this against its best incident joins it. */
  readonly joinThreshold: number;
  /** Between this and `joinThreshold`, the report opens an incident and a possible duplicate is suggested. */
  readonly suggestThreshold: number;
  /** Days between two date windows that still read as one event (outlets date by event or by publication). */
  readonly dateSlackDays: number;
  /** Beyond this many days apart, never the same event. */
  readonly maxGapDays: number;
  /** How far back a report dated only by its publication may reach (a passing mention of a recent event). */
  readonly undatedLookbackDays: number;
  /**
   * A report that does not name its best incident's place is not guessed into it when another
   * candidate scores within this margin of it (either could be the event it means).
   */
  readonly ambiguityMargin: number;
  /** A date window wider than this says little about the day (a "last week" report). */
  readonly wideWindowDays: number;
  /** Days of a window that blocking files a claim under, at most. */
  readonly maxWindowDays: number;
  /** Two points within this many km may be one place told two ways; beyond, two places. */
  readonly pointNearKm: number;
  /** The same for a point and an area's centre, or two areas' centres, when the gazetteer says nothing. */
  readonly areaNearKm: number;
  /** Half-size in degrees of the box searched around a point for candidates (ingest). */
  readonly blockBoxDegrees: number;
  /** Cell size in degrees of the batch clusterer's grid (its 3×3 cells must cover `pointNearKm`). */
  readonly gridCellDegrees: number;
  /**
   * Families of events a country sees few of on one day (an exchange of prisoners, an agreement,
   * a handover): for those, an outlet naming only the country or province says nearly as much as
   * one naming the town, unlike a shelling, of which a country sees dozens (or aid convoys, of
   * which a besieged area may see several a day).
   */
  readonly sparseFamilies: readonly IncidentFamily[];
  /** Candidates read from the database per report, at most. */
  readonly maxCandidates: number;
  readonly weights: Readonly<Record<'kind' | 'date' | 'place' | 'parties' | 'killed', number>>;
}

export const MERGE_CONFIG: MergeConfig = {
  joinThreshold: 0.7,
  suggestThreshold: 0.5,
  dateSlackDays: 1,
  maxGapDays: 2,
  undatedLookbackDays: 30,
  wideWindowDays: 7,
  ambiguityMargin: 0.1,
  maxWindowDays: 40,
  pointNearKm: 5,
  areaNearKm: 25,
  blockBoxDegrees: 0.5,
  gridCellDegrees: 0.1,
  sparseFamilies: ['exchange', 'agreement', 'handover', 'return', 'monitoring'],
  maxCandidates: 500,
  weights: { kind: 0.25, date: 0.25, place: 0.35, parties: 0.1, killed: 0.05 },
};
