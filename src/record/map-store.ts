import { sql } from 'kysely';
import type { Db } from '../platform/db/dialect.js';
import { filteredIncidents, locatedCondition, type Visibility } from './incident-store.js';
import type { ParsedIncidentQuery } from './schemas.js';

export interface MapCluster {
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  readonly bbox: readonly [number, number, number, number];
  readonly kinds: Readonly<Record<string, number>>;
}

export interface MapPoint {
  readonly id: number;
  readonly lat: number;
  readonly lon: number;
  readonly kind: string;
  readonly status: string;
  readonly title: string;
  /** Null when no report dates the incident (it is placed, not dated). */
  readonly date: string | null;
}

/** Below this many incidents in view the map gets points; above it, grid clusters. */
export const MAX_POINTS = 300;

/** Grid cell size in degrees at a zoom level: about 40 px at 256-px tiles. */
export const cellDegrees = (zoom: number): number => 360 / 2 ** zoom / 6;

/**
 * Incidents for the map, clustered on the server so the browser never downloads them all: a grid
 * whose cells shrink with the zoom, each cluster at its members' mean position with its box.
 */
export async function incidentMap(
  db: Db,
  q: ParsedIncidentQuery,
  visibility: Visibility,
  zoom: number,
): Promise<{ clusters: MapCluster[]; points: MapPoint[]; unlocated: number }> {
  const located = () => filteredIncidents(db, q, visibility).where((eb) => locatedCondition(eb, true));
  const unlocated = await countUnlocated(db, q, visibility);
  const sample = await located()
    .select(['id', 'lat', 'lon', 'kind', 'status', 'title', 'date_start'])
    .orderBy(sql`date_start is null`)
    .orderBy('date_start', 'desc')
    .limit(MAX_POINTS + 1)
    .execute();
  if (sample.length <= MAX_POINTS) {
    return {
      clusters: [],
      points: sample.map((r) => ({
        id: r.id,
        lat: r.lat ?? 0,
        lon: r.lon ?? 0,
        kind: r.kind,
        status: r.status,
        title: r.title,
        date: r.date_start,
      })),
      unlocated,
    };
  }
  const cell = cellDegrees(zoom);
  const gx = sql<number>`floor(lon / ${cell})`;
  const gy = sql<number>`floor(lat / ${cell})`;
  const rows = await located()
    .select([
      gx.as('gx'),
      gy.as('gy'),
      'kind',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.sum<number>('lat').as('sum_lat'),
      (eb) => eb.fn.sum<number>('lon').as('sum_lon'),
      (eb) => eb.fn.min<number>('lon').as('w'),
      (eb) => eb.fn.min<number>('lat').as('s'),
      (eb) => eb.fn.max<number>('lon').as('e'),
      (eb) => eb.fn.max<number>('lat').as('n_lat'),
    ])
    .groupBy([gx, gy, 'kind'])
    .execute();
  return { clusters: mergeCells(rows), points: [], unlocated };
}

/**
 * Incidents the filters hold that have no coordinates, so no place on the map: the map says how
 * many, and links to the list of the same filters with `located=no`, which this count is of.
 * The box does not apply (they are in no box).
 */
async function countUnlocated(db: Db, q: ParsedIncidentQuery, visibility: Visibility): Promise<number> {
  const row = await filteredIncidents(db, { ...q, bbox: undefined }, visibility)
    .where((eb) => locatedCondition(eb, false))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface CellRow {
  gx: number;
  gy: number;
  kind: string;
  n: number | string;
  sum_lat: number;
  sum_lon: number;
  w: number;
  s: number;
  e: number;
  n_lat: number;
}

/** Folds the per-kind rows of each grid cell into one cluster. */
function mergeCells(rows: readonly CellRow[]): MapCluster[] {
  const cells = new Map<
    string,
    {
      count: number;
      lat: number;
      lon: number;
      bbox: [number, number, number, number];
      kinds: Record<string, number>;
    }
  >();
  for (const r of rows) {
    const key = `${r.gx}:${r.gy}`;
    const n = Number(r.n);
    const cell = cells.get(key) ?? {
      count: 0,
      lat: 0,
      lon: 0,
      bbox: [Infinity, Infinity, -Infinity, -Infinity],
      kinds: {},
    };
    cell.count += n;
    cell.lat += Number(r.sum_lat);
    cell.lon += Number(r.sum_lon);
    cell.bbox = [
      Math.min(cell.bbox[0], Number(r.w)),
      Math.min(cell.bbox[1], Number(r.s)),
      Math.max(cell.bbox[2], Number(r.e)),
      Math.max(cell.bbox[3], Number(r.n_lat)),
    ];
    cell.kinds[r.kind] = (cell.kinds[r.kind] ?? 0) + n;
    cells.set(key, cell);
  }
  return [...cells.values()].map((c) => ({
    lat: c.lat / c.count,
    lon: c.lon / c.count,
    count: c.count,
    bbox: c.bbox,
    kinds: c.kinds,
  }));
}

/**
 * Incidents per day (by start date) and kind, for the timeline. An incident with no date is on
 * no day: `undated` counts those the filters would otherwise hold (none under a date filter).
 */
export async function incidentTimeline(db: Db, q: ParsedIncidentQuery, visibility: Visibility) {
  const [rows, undated] = await Promise.all([
    filteredIncidents(db, q, visibility)
      .where('date_start', 'is not', null)
      .select(['date_start', 'kind', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['date_start', 'kind'])
      .orderBy('date_start')
      .limit(50_000)
      .execute(),
    filteredIncidents(db, q, visibility)
      .where('date_start', 'is', null)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const days = new Map<string, { date: string; count: number; byKind: Record<string, number> }>();
  for (const r of rows) {
    if (r.date_start === null) continue;
    const day = days.get(r.date_start) ?? { date: r.date_start, count: 0, byKind: {} };
    day.count += Number(r.n);
    day.byKind[r.kind] = Number(r.n);
    days.set(r.date_start, day);
  }
  return { days: [...days.values()], undated: Number(undated.n) };
}
