/**
 * Reconciling what several reports claim about the same deaths or injuries: figures are never
 * added up across reports (they count the same people); low is the most conservative credible
 * figure, high the highest credible one, best the figure of the best-documented claim.
 */
export interface ClaimedFigure {
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

/** How well a qualifier pins a number down (higher is better documented). */
const PRECISION: Readonly<Record<string, number>> = {
  exact: 5,
  about: 3,
  nearly: 3,
  at_least: 2,
  more_than: 2,
  up_to: 2,
  fewer_than: 2,
  between: 2,
};

/**
 * @example reconcileFigures([{ reportId: 1, category: 'killed', best: 2, … }, { reportId: 2, category: 'killed', low: 2, best: 3, high: 3, … }])
 *   // [{ category: 'killed', low: 2, best: 2, high: 3, reports: [1, 2] }]
 */
export function reconcileFigures(figures: readonly ClaimedFigure[]): ReconciledFigure[] {
  const groups = new Map<string, ClaimedFigure[]>();
  for (const figure of figures) {
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
  const reports = [...new Set(group.map((f) => f.reportId))];
  const note =
    reports.length === 1
      ? `one report (${documented.qualifier})`
      : `${reports.length} reports; best from report ${documented.reportId} (${documented.qualifier}, ${agreeing(group, documented)} agree)`;
  return { category: first.category, population: first.population, low, best, high, reports, note };
}

/** The claim with the most precise qualifier, then the most reports agreeing, then the lowest value. */
function bestDocumented(group: readonly ClaimedFigure[]): ClaimedFigure {
  return [...group].sort(
    (a, b) =>
      (PRECISION[b.qualifier] ?? 1) - (PRECISION[a.qualifier] ?? 1) ||
      agreeing(group, b) - agreeing(group, a) ||
      (a.best ?? 0) - (b.best ?? 0),
  )[0] as ClaimedFigure;
}

const agreeing = (group: readonly ClaimedFigure[], figure: ClaimedFigure) =>
  group.filter((f) => f.best === figure.best).length;
