import type { Db } from '../platform/db/dialect.js';
import type { ClaimedFigure } from './casualty.js';

const FIGURE_COLUMNS = [
  'c.id',
  'c.report_id',
  'c.category',
  'c.population',
  'c.low',
  'c.best',
  'c.high',
  'c.qualifier',
  'c.claimant',
] as const;

/**
 * The casualty claims of each incident: the figures recorded on it and those of the reports it
 * rests on. The bulletin, the incident page and the exports all read claims here, so they
 * reconcile the same claims (`reconcileFigures`, `combinedTotal`).
 *
 * @example (await claimedFiguresOf(db, [7])).get(7) // [{ reportId: 12, category: 'killed', … }]
 */
export async function claimedFiguresOf(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, ClaimedFigure[]>> {
  const out = new Map<number, ClaimedFigure[]>();
  if (ids.length === 0) return out;
  const [own, reported] = await Promise.all([
    db
      .selectFrom('casualty_figures as c')
      .select([...FIGURE_COLUMNS, 'c.incident_id as owner'])
      .where('c.incident_id', 'in', [...ids])
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('incident_reports as l')
      .innerJoin('casualty_figures as c', 'c.report_id', 'l.report_id')
      .select([...FIGURE_COLUMNS, 'l.incident_id as owner'])
      .where('l.incident_id', 'in', [...ids])
      .orderBy('c.id')
      .execute(),
  ]);
  for (const row of [...own, ...reported]) {
    const owner = Number(row.owner);
    const figure: ClaimedFigure = {
      // Figures recorded on the incident itself form one claim each, apart from report ids.
      reportId: row.report_id === null ? -Number(row.id) : Number(row.report_id),
      category: row.category,
      population: row.population,
      low: row.low === null ? null : Number(row.low),
      best: row.best === null ? null : Number(row.best),
      high: row.high === null ? null : Number(row.high),
      qualifier: row.qualifier,
      claimant: row.claimant,
    };
    out.set(owner, [...(out.get(owner) ?? []), figure]);
  }
  return out;
}
