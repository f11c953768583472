import { z } from 'zod';

/** What happened to the people a casualty figure counts (design.md, "Casualty figure"). */
export const CASUALTY_CATEGORIES = [
  'killed',
  'injured',
  'missing',
  'detained',
  'displaced',
  'returned',
] as const;
export const CasualtyCategory = z.enum(CASUALTY_CATEGORIES);
export type CasualtyCategory = z.infer<typeof CasualtyCategory>;

/**
 * How a number was said. Extraction finds all of them; `unknown` is for figures entered or
 * imported without one.
 */
export const QUALIFIERS = [
  'exact',
  'about',
  'at_least',
  'more_than',
  'fewer_than',
  'up_to',
  'nearly',
  'between',
  'several',
  'few',
  'dozens',
  'hundreds',
  'thousands',
  'tens_of_thousands',
  'many',
  'unknown',
] as const;
export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

export interface QualifierProperties {
  /** How well the words pin a number down, 1 (vague) to 5 (exact): the best-documented claim wins. */
  readonly documentation: 1 | 2 | 3 | 4 | 5;
  /**
   * The conservative number a vague word stands for when a claim gives none of its own (ACLED's
   * fatality methodology: "several" 3, "dozens" 12, "hundreds" 100); null for numeric qualifiers.
   */
  readonly floor: number | null;
}

const numeric = (documentation: QualifierProperties['documentation']): QualifierProperties => ({
  documentation,
  floor: null,
});
const vague = (floor: number): QualifierProperties => ({ documentation: 1, floor });

export const QUALIFIER: Readonly<Record<Qualifier, QualifierProperties>> = {
  exact: numeric(5),
  about: numeric(3),
  nearly: numeric(3),
  at_least: numeric(2),
  more_than: numeric(2),
  up_to: numeric(2),
  fewer_than: numeric(2),
  between: numeric(2),
  // "a few" and "many" are the vaguest words: the least any plural can mean.
  few: vague(2),
  many: vague(2),
  several: vague(3),
  dozens: vague(12),
  hundreds: vague(100),
  thousands: vague(1000),
  tens_of_thousands: vague(10_000),
  unknown: numeric(1),
};

/**
 * The qualifier a string names, or `unknown`.
 *
 * @example qualifierOf('dozens') // 'dozens'
 */
export function qualifierOf(value: string): Qualifier {
  return QUALIFIERS.find((q) => q === value) ?? 'unknown';
}

/**
 * Who the people counted are. A figure's population is one of these groups or a party code
 * ("AM", "DPR"): deaths of two parties are different people; `unknown` may be anyone.
 */
export const POPULATION_GROUPS = ['civilians', 'peacekeepers', 'unknown'] as const;
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];
/** A population group or a party code. */
export const Population = z.string().trim().min(1).max(100);
export type Population = z.infer<typeof Population>;

/**
 * Whether a population says nothing about who was counted (the people may belong to any other).
 *
 * @example isUnknownPopulation('unknown') // true
 * @example isUnknownPopulation('AM') // false
 */
export const isUnknownPopulation = (population: string): boolean =>
  population === 'unknown' || population.trim() === '';
