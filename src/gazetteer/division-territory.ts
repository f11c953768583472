import type { Polygon } from './country-land.js';
import type { GazetteerPlace } from './gazetteer.js';
import type { GeoNamesCity } from './geonames.js';

/** Side of a land cell in degrees of latitude (about 28 km); longitude steps the same degrees. */
const CELL_DEG = 0.25;
/** A division covering fewer cells than this is too small for the grid: it keeps its point. */
const MIN_CELLS = 4;
/** Rings of one-degree buckets searched around a cell for its nearest town, at most. */
const MAX_RINGS = 40;

interface Town {
  readonly lat: number;
  readonly lon: number;
  readonly division: string;
}

/**
 * Gives each first-level division the centre of its territory. The packages give no outline of
 * a division, only a point (`country-state-city`: often its capital, or a namesake's), while
 * the gazetteers news corpora are resolved against put a division near the middle of its
 * area; so the territory is drawn from where the division's towns lie: the country's land
 * (`outlines`) is cut into cells of CELL_DEG, each cell goes to the division of the town
 * nearest to it (GeoNames puts every town in a division: `assign`), and a division's point
 * becomes the centre of its cells, each weighted by its area. The north of a province with few
 * towns still counts, held by its northernmost towns. A division of fewer than MIN_CELLS cells,
 * of a country without outlines, or with no town keeps its point.
 *
 * @example centreByTerritory(divisions, countryOutlines(), cities, assigner)
 */
export function centreByTerritory(
  divisions: readonly GazetteerPlace[],
  outlines: ReadonlyMap<string, readonly Polygon[]>,
  cities: readonly GeoNamesCity[],
  assign: (country: string, code: string) => string | null,
): GazetteerPlace[] {
  const towns = new Map<string, Town[]>();
  for (const c of cities) {
    const division = c.admin1 === '' ? null : assign(c.country, c.admin1);
    if (division === null) continue;
    const list = towns.get(c.country);
    const town = { lat: c.lat, lon: c.lon, division };
    if (list) list.push(town);
    else towns.set(c.country, [town]);
  }
  const centres = new Map<string, { lat: number; lon: number }>();
  for (const [country, list] of towns) {
    const polygons = outlines.get(country);
    if (polygons) for (const [id, c] of territoryCentres(polygons, list)) centres.set(id, c);
  }
  return divisions.map((d) => {
    const c = centres.get(d.id);
    return c ? { ...d, lat: c.lat, lon: c.lon, precision: 'region' } : d;
  });
}

/** The centre of each division's cells over one country's land, for divisions of MIN_CELLS or more. */
function territoryCentres(
  polygons: readonly Polygon[],
  towns: readonly Town[],
): Map<string, { lat: number; lon: number }> {
  const buckets = new Map<number, Town[]>();
  for (const t of towns) {
    const key = bucketKey(Math.floor(t.lat), Math.floor(t.lon));
    const list = buckets.get(key);
    if (list) list.push(t);
    else buckets.set(key, [t]);
  }
  const sums = new Map<string, { w: number; lat: number; lon: number; n: number }>();
  forEachLandCell(polygons, (lat, lon) => {
    const town = nearestTown(buckets, lat, lon);
    if (!town) return;
    const w = Math.cos((lat * Math.PI) / 180);
    const s = sums.get(town.division) ?? { w: 0, lat: 0, lon: 0, n: 0 };
    sums.set(town.division, { w: s.w + w, lat: s.lat + w * lat, lon: s.lon + w * lon, n: s.n + 1 });
  });
  const out = new Map<string, { lat: number; lon: number }>();
  for (const [id, s] of sums) if (s.n >= MIN_CELLS) out.set(id, { lat: s.lat / s.w, lon: s.lon / s.w });
  return out;
}

/**
 * Calls `cell` with the centre of every grid cell inside the land (even-odd rule over every ring
 * of every polygon), one row of latitude at a time: the crossings of the row with the outline's
 * edges bound the stretches of land.
 */
function forEachLandCell(polygons: readonly Polygon[], cell: (lat: number, lon: number) => void): void {
  const edges: [number, number, number, number][] = [];
  let south = 90;
  let north = -90;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x0 = 0, y0 = 0] = ring[j] ?? [];
        const [x1 = 0, y1 = 0] = ring[i] ?? [];
        edges.push([x0, y0, x1, y1]);
        south = Math.min(south, y1);
        north = Math.max(north, y1);
      }
  const firstRow = Math.floor(south / CELL_DEG);
  for (let row = firstRow; (row + 0.5) * CELL_DEG < north; row++) {
    const lat = (row + 0.5) * CELL_DEG;
    const xs: number[] = [];
    for (const [x0, y0, x1, y1] of edges)
      if (y0 > lat !== y1 > lat) xs.push(x0 + ((lat - y0) * (x1 - x0)) / (y1 - y0));
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const [from = 0, to = 0] = [xs[k], xs[k + 1]];
      for (let col = Math.ceil(from / CELL_DEG - 0.5); (col + 0.5) * CELL_DEG < to; col++)
        cell(lat, (col + 0.5) * CELL_DEG);
    }
  }
}

/** The town nearest to a point, searched ring by ring of one-degree buckets around it. */
function nearestTown(
  buckets: ReadonlyMap<number, readonly Town[]>,
  lat: number,
  lon: number,
): Town | undefined {
  const k = Math.cos((lat * Math.PI) / 180);
  const by = Math.floor(lat);
  const bx = Math.floor(lon);
  let best: Town | undefined;
  let bestD = Infinity;
  for (let r = 0; r <= MAX_RINGS; r++) {
    // Every town in ring r or beyond lies at least r - 1 degrees of latitude away.
    if (best && Math.sqrt(bestD) < (r - 1) * Math.min(1, k)) break;
    for (let a = by - r; a <= by + r; a++)
      for (let b = bx - r; b <= bx + r; b++) {
        if (Math.max(Math.abs(a - by), Math.abs(b - bx)) !== r) continue;
        for (const t of buckets.get(bucketKey(a, b)) ?? []) {
          const d = (t.lat - lat) ** 2 + ((t.lon - lon) * k) ** 2;
          if (d < bestD) {
            bestD = d;
            best = t;
          }
        }
      }
  }
  return best;
}

function bucketKey(lat: number, lon: number): number {
  return (lat + 90) * 1000 + (lon + 180);
}
