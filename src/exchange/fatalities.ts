import type { ClaimedFigure, ReconciledFigure } from '../record/casualty.js';

/**
 * The floors ACLED's fatality methodology gives vague words ("dozens" → 12, "hundreds" → 100,
 * "several" → 3), applied only where a claim carries no lower number of its own.
 */
const VAGUE_FLOOR: Readonly<Record<string, number>> = {
  several: 3,
  dozens: 12,
  hundreds: 100,
  thousands: 1000,
};

/**
 * A claim with its conservative floor filled in from its qualifier.
 *
 * @example withVagueFloor({ qualifier: 'dozens', low: null, best: null, high: null, … }).low // 12
 */
export function withVagueFloor(figure: ClaimedFigure): ClaimedFigure {
  const floor = VAGUE_FLOOR[figure.qualifier];
  if (floor === undefined || figure.low !== null) return figure;
  return { ...figure, low: Math.min(floor, figure.best ?? floor, figure.high ?? floor) };
}

const isUnknown = (population: string) => population === 'unknown' || population === '';

/**
 * ACLED's `fatalities`: the most conservative reported number of deaths. Deaths of different
 * populations are different people and add up; deaths of unknown population may be any of them,
 * so they count only where they exceed the rest. Injuries never count.
 *
 * @example acledFatalities([{ category: 'killed', population: 'unknown', low: 1400, … }]) // 1400
 */
export function acledFatalities(figures: readonly ReconciledFigure[]): number {
  const killed = figures.filter((f) => f.category === 'killed');
  const unknown = killed.filter((f) => isUnknown(f.population)).reduce((n, f) => Math.max(n, f.low), 0);
  const known = killed.filter((f) => !isUnknown(f.population)).reduce((n, f) => n + f.low, 0);
  return Math.max(unknown, known);
}

export interface UcdpDeaths {
  readonly deathsA: number;
  readonly deathsB: number;
  readonly deathsCivilians: number;
  readonly deathsUnknown: number;
  readonly low: number;
  readonly best: number;
  readonly high: number;
}

export type Side = 'a' | 'b' | 'civilians' | 'unknown';

/**
 * UCDP-style deaths: best estimates by side (side A is actor1, side B actor2), civilians and
 * unknown, which add up to `best`; `low` and `high` add the reconciled bounds the same way.
 *
 * @example ucdpDeaths(figures, (population) => (population === 'civilians' ? 'civilians' : 'unknown'))
 */
export function ucdpDeaths(
  figures: readonly ReconciledFigure[],
  sideOf: (population: string) => Side,
): UcdpDeaths {
  const sums = { a: 0, b: 0, civilians: 0, unknown: 0 };
  let low = 0;
  let high = 0;
  for (const figure of figures.filter((f) => f.category === 'killed')) {
    sums[sideOf(figure.population)] += figure.best;
    low += figure.low;
    high += figure.high;
  }
  const best = sums.a + sums.b + sums.civilians + sums.unknown;
  return {
    deathsA: sums.a,
    deathsB: sums.b,
    deathsCivilians: sums.civilians,
    deathsUnknown: sums.unknown,
    low,
    best,
    high,
  };
}

/** The best and bounds of one category (e.g. injured), populations added. */
export function totalOf(
  figures: readonly ReconciledFigure[],
  category: string,
): { low: number; best: number; high: number } | null {
  const of = figures.filter((f) => f.category === category);
  if (of.length === 0) return null;
  return {
    low: of.reduce((n, f) => n + f.low, 0),
    best: of.reduce((n, f) => n + f.best, 0),
    high: of.reduce((n, f) => n + f.high, 0),
  };
}
