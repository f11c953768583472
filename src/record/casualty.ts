import { QUALIFIER, isUnknownPopulation, qualifierOf, type CasualtyCategory } from '../vocabulary/index.js';

/**
 * Reconciling what several reports claim about the same deaths or injuries: figures are never
 * added up across reports (they count the same people); low is the most conservative credible
 * figure, high the highest credible one, best the figure of the best-documented claim.
 */
export interface ClaimedFigure {
  /** The report that claims it; a figure recorded on the incident itself has none (0 or below). */
  readonly reportId: number;
  readonly category: string;
  readonly population: string;
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
  readonly qualifier: string;
  readonly claimant: string | null;
}

export interface ReconciledFigure {
  readonly category: string;
  readonly population: string;
  readonly low: number;
  readonly best: number;
  readonly high: number;
  readonly reports: readonly number[];
  readonly note: string;
}

/**
 * A claim with its conservative floor filled in from a vague qualifier ("dozens" → 12), where the
 * claim carries no lower number of its own.
 *
 * @example withVagueFloor({ qualifier: 'dozens', low: null, best: null, high: null, … }).low // 12
 */
export function withVagueFloor(figure: ClaimedFigure): ClaimedFigure {
  const floor = QUALIFIER[qualifierOf(figure.qualifier)].floor;
  if (floor === null || figure.low !== null) return figure;
  return { ...figure, low: Math.min(floor, figure.best ?? floor, figure.high ?? floor) };
}

/**
 * Per category and population, the claims of every report reconciled into one figure (vague words
 * count at their floor).
 *
 * @example reconcileFigures([{ reportId: 1, category: 'killed', best: 2, … }, { reportId: 2, category: 'killed', low: 2, best: 3, high: 3, … }])
 *   // [{ category: 'killed', low: 2, best: 2, high: 3, reports: [1, 2] }]
 */
export function reconcileFigures(figures: readonly ClaimedFigure[]): ReconciledFigure[] {
  const groups = new Map<string, ClaimedFigure[]>();
  for (const figure of figures.map(withVagueFloor)) {
    if (figure.best === null && figure.low === null && figure.high === null) continue;
    const key = `${figure.category}\u0000${figure.population}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return [...groups.values()].map(reconcileGroup);
}

function reconcileGroup(group: readonly ClaimedFigure[]): ReconciledFigure {
  const first = group[0] as ClaimedFigure;
  const lows = group.map((f) => f.low ?? f.best ?? f.high ?? 0);
  const highs = group.map((f) => f.high ?? f.best ?? f.low ?? 0);
  const low = Math.min(...lows);
  const high = Math.max(...highs);
  const documented = bestDocumented(group);
  const best = Math.min(high, Math.max(low, documented.best ?? documented.low ?? low));
  const reports = [...new Set(group.map((f) => f.reportId).filter((id) => id > 0))];
  const note =
    group.length === 1
      ? `one claim (${documented.qualifier})`
      : `${group.length} claims; best from ${claimOf(documented)} (${documented.qualifier}, ${agreeing(group, documented)} agree)`;
  return { category: first.category, population: first.population, low, best, high, reports, note };
}

/** The claim with the most precise qualifier, then the most reports agreeing, then the lowest value. */
function bestDocumented(group: readonly ClaimedFigure[]): ClaimedFigure {
  return [...group].sort(
    (a, b) =>
      documentationOf(b) - documentationOf(a) ||
      agreeing(group, b) - agreeing(group, a) ||
      (a.best ?? 0) - (b.best ?? 0),
  )[0] as ClaimedFigure;
}

const documentationOf = (f: ClaimedFigure) => QUALIFIER[qualifierOf(f.qualifier)].documentation;
const claimOf = (f: ClaimedFigure) => (f.reportId > 0 ? `report ${f.reportId}` : 'the incident’s own figure');

const agreeing = (group: readonly ClaimedFigure[], figure: ClaimedFigure) =>
  group.filter((f) => f.best === figure.best).length;

export interface CasualtyTotal {
  readonly low: number;
  readonly best: number;
  readonly high: number;
}

/**
 * The one rule for how many people of a category an incident counts, used by the bulletin, the
 * incident page and every export. Within a population, claims are reconciled, never summed
 * (`reconcileFigures`: they count the same people). Across populations: people of two named
 * populations (two parties, civilians, peacekeepers) are different people, so named populations
 * add up; people of unknown population may be any of them, so they count only where they exceed
 * the named ones (`max(unknown, sum of named)`) for low and best, and add only to `high`, the
 * highest credible count. {AM 2, unknown 5} is 5 (the five may include the two), {AM 2,
 * civilians 1} is 3. The conservative count (ACLED's `fatalities`, the bulletin) is the `low`.
 *
 * @example combinedTotal([{ category: 'killed', population: 'AM', low: 2, best: 2, high: 2, … }, { …, population: 'unknown', low: 5, best: 5, high: 5 }], 'killed') // { low: 5, best: 5, high: 7 }
 */
export function combinedTotal(
  figures: readonly ReconciledFigure[],
  category: CasualtyCategory,
): CasualtyTotal | null {
  const of = figures.filter((f) => f.category === category);
  if (of.length === 0) return null;
  const sum = (list: readonly ReconciledFigure[], pick: (f: ReconciledFigure) => number) =>
    list.reduce((n, f) => n + pick(f), 0);
  const unknown = of.filter((f) => isUnknownPopulation(f.population));
  const named = of.filter((f) => !isUnknownPopulation(f.population));
  const most = (pick: (f: ReconciledFigure) => number) => Math.max(sum(named, pick), ...unknown.map(pick));
  return { low: most((f) => f.low), best: most((f) => f.best), high: sum(of, (f) => f.high) };
}

/**
 * The conservative count of a category: the low of `combinedTotal`, 0 when nothing is claimed.
 *
 * @example conservativeCount(reconcileFigures(claims), 'killed') // 5 for {AM 2, unknown 5}
 */
export function conservativeCount(figures: readonly ReconciledFigure[], category: CasualtyCategory): number {
  return combinedTotal(figures, category)?.low ?? 0;
}

/**
 * The incident's deaths as every view states them: the conservative count of `killed`.
 *
 * @example deathsOf(reconcileFigures(claims)) // 5 for {AM 2, unknown 5}
 */
export const deathsOf = (figures: readonly ReconciledFigure[]): number =>
  conservativeCount(figures, 'killed');
