import { combinedTotal, deathsOf, type ReconciledFigure } from '../record/casualty.js';

/** Vague words count at ACLED's floors; the rule lives with the record's reconciliation. */
export { withVagueFloor } from '../record/casualty.js';

/**
 * ACLED's `fatalities`: the most conservative reported number of deaths, by the record's one
 * death-count rule (`deathsOf`: reconciled per population, named populations added, unknown
 * ones counted only where they exceed them). Injuries never count.
 *
 * @example acledFatalities([{ category: 'killed', population: 'unknown', low: 1400, … }]) // 1400
 */
export function acledFatalities(figures: readonly ReconciledFigure[]): number {
  return deathsOf(figures);
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
 * UCDP-style deaths: `low`, `best` and `high` are the record's combined totals (`combinedTotal`);
 * best deaths by side (side A is actor1, side B actor2) and of civilians come from the named
 * populations, and `deathsUnknown` is the rest of `best`, so the four add up to `best`.
 *
 * @example ucdpDeaths(figures, (population) => (population === 'civilians' ? 'civilians' : 'unknown'))
 */
export function ucdpDeaths(
  figures: readonly ReconciledFigure[],
  sideOf: (population: string) => Side,
): UcdpDeaths {
  const total = combinedTotal(figures, 'killed') ?? { low: 0, best: 0, high: 0 };
  const sums = { a: 0, b: 0, civilians: 0, unknown: 0 };
  for (const figure of figures.filter((f) => f.category === 'killed')) {
    sums[sideOf(figure.population)] += figure.best;
  }
  const named = Math.min(total.best, sums.a + sums.b + sums.civilians);
  return {
    deathsA: sums.a,
    deathsB: sums.b,
    deathsCivilians: sums.civilians,
    deathsUnknown: total.best - named,
    low: total.low,
    best: total.best,
    high: total.high,
  };
}
