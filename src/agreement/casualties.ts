/** Casualty counts for bulletins, kept conservative the way monitoring missions and ACLED count. */

export interface FigureLike {
  readonly category: string;
  readonly population: string;
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
}

/**
 * The conservative count for one category: per population, the lowest figure any claimant gives
 * (each figure's low, else best, else high); populations are added up.
 *
 * @example conservativeCount([{ category: 'killed', population: 'unknown', low: 2, best: 3, high: 4 }], 'killed') === 2
 */
export function conservativeCount(figures: readonly FigureLike[], category: string): number {
  const byPopulation = new Map<string, number>();
  for (const f of figures) {
    if (f.category !== category) continue;
    const value = f.low ?? f.best ?? f.high;
    if (value === null) continue;
    const seen = byPopulation.get(f.population);
    byPopulation.set(f.population, seen === undefined ? value : Math.min(seen, value));
  }
  return [...byPopulation.values()].reduce((sum, n) => sum + n, 0);
}
