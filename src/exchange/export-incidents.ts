import type { Db } from '../platform/db/dialect.js';
import { reconcileFigures, type ReconciledFigure } from '../record/casualty.js';
import { claimedFiguresOf } from '../record/casualty-store.js';
import { presentIncident } from '../record/incident-store.js';
import type { Incident } from '../record/schemas.js';
import type { IncidentStatus } from '../record/taxonomy.js';
import { shownUrl } from '../record/visibility.js';
import { filteredIncidents, type ExportFilters } from './export-filters.js';
import { keptAcledFieldsOf, type KeptAcledFields } from './acled-kept.js';

export interface ExportSource {
  readonly publisher: string | null;
  readonly url: string | null;
  readonly title: string | null;
}

/** One incident as every export format sees it: the incident, its reconciled figures, its sources. */
export interface ExportIncident {
  readonly incident: Incident;
  readonly figures: readonly ReconciledFigure[];
  readonly sources: readonly ExportSource[];
  /** ACLED's own coding when the incident was imported from ACLED (written back on export). */
  readonly acledKept?: KeptAcledFields | undefined;
}

export interface StreamOptions {
  readonly filters: ExportFilters;
  readonly statuses: readonly IncidentStatus[];
  /** Incidents read per query; memory holds one page at a time. */
  readonly pageSize?: number;
  /** Only incidents a report dates (formats that require a date). */
  readonly datedOnly?: boolean;
}

const DEFAULT_PAGE = 1000;

/**
 * Incidents in id order, read in keyset pages (`id > last`), so an export of any size holds one
 * page in memory and never skips or repeats a row when others write meanwhile.
 *
 * @example for await (const item of streamIncidents(db, { filters: {}, statuses: ['confirmed'] })) write(item)
 */
export async function* streamIncidents(db: Db, options: StreamOptions): AsyncGenerator<ExportIncident> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  let after = 0;
  for (;;) {
    const filtered = filteredIncidents(db, options.filters, options.statuses);
    const rows = await (options.datedOnly ? filtered.where('date_start', 'is not', null) : filtered)
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const ids = rows.map((r) => Number(r.id));
    const [figures, sources] = await Promise.all([claimedFiguresOf(db, ids), sourcesOf(db, ids)]);
    const visibility = options.filters.visibility ?? { kind: 'all' };
    for (const row of rows) {
      const id = Number(row.id);
      yield {
        incident: presentIncident(row),
        figures: reconcileFigures(figures.get(id) ?? []),
        sources: (sources.get(id) ?? []).map((s) => ({ ...s, url: shownUrl(s.url, visibility) })),
        acledKept: keptAcledFieldsOf(row),
      };
    }
    if (rows.length < pageSize) return;
    after = ids[ids.length - 1] ?? after;
  }
}

async function sourcesOf(db: Db, ids: readonly number[]): Promise<Map<number, ExportSource[]>> {
  const rows = await db
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .innerJoin('sources as s', 's.id', 'r.source_id')
    .select(['l.incident_id', 's.id', 's.publisher', 's.url', 's.title'])
    .where('l.incident_id', 'in', [...ids])
    .orderBy('s.id')
    .execute();
  const out = new Map<number, ExportSource[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.incident_id}:${row.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(row.incident_id) ?? [];
    list.push({ publisher: row.publisher, url: row.url, title: row.title });
    out.set(row.incident_id, list);
  }
  return out;
}
