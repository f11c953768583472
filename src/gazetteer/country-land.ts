import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { worldCountries } from '../world/countries.js';

const require = createRequire(import.meta.url);
/** Vertices tested per country at most, so one check stays bounded whatever the shapes. */
const MAX_VERTICES = 200_000;

type Ring = readonly (readonly number[])[];
export type Polygon = readonly Ring[];

/**
 * Every country's outline (Natural Earth 1:50m via `world-atlas`, public domain) as its
 * polygons, by alpha-2 code; the features of one code (a country and its islands listed apart)
 * are merged. Read and decoded on each call (at build time: it is not cheap).
 */
export function countryOutlines(): Map<string, Polygon[]> {
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology<{ countries: GeometryCollection }>;
  const byNumeric = worldCountries().byNumeric;
  const outlines = new Map<string, Polygon[]>();
  for (const f of feature(topology, topology.objects.countries).features) {
    const country = byNumeric.get(Number.parseInt(String(f.id), 10));
    const g = f.geometry;
    if (!country || !g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    outlines.set(country.alpha2, [...(outlines.get(country.alpha2) ?? []), ...polygons]);
  }
  return outlines;
}

/**
 * Tells how far a point lies from a country's land: 0 inside it, else the distance in km to the
 * nearest vertex of its outline (`countryOutlines`). Used to catch a reference point placed in
 * the wrong country; null for a country the outlines do not hold.
 *
 * @example countryLand()('AF', 31.4, 64.4) // 0 (Helmand lies in Afghanistan)
 */
export function countryLand(
  outlines: ReadonlyMap<string, readonly Polygon[]> = countryOutlines(),
): (country: string, lat: number, lon: number) => number | null {
  return (country, lat, lon) => {
    const polygons = outlines.get(country);
    if (!polygons) return null;
    if (polygons.some((p) => insidePolygon(p, lon, lat))) return 0;
    return nearestVertexKm(polygons, lat, lon);
  };
}

/** A given point this near its country's main landmass's centre stands for the same place. */
const SAME_PLACE_KM = 161;
/** A landmass with less of its country's land than this is one island of many, not the main land. */
const MAIN_SHARE = 0.5;

/**
 * A country's reference point: the point it is given (`world-countries`: mostly whole degrees
 * near the middle of the country, the convention gazetteers share), unless that point lies more
 * than SAME_PLACE_KM from the centre of the country's main landmass; then that centre. A point
 * taken over the whole territory is pulled off the land people mean by the name (Alaska pulls
 * the United States' point 200 km away from the middle of the contiguous states) or was placed
 * by another rule; the main landmass is what the press and the gazetteers news corpora are
 * resolved against mean. A country of islands none of which holds half its land (an
 * archipelago) keeps its point, as does one without outlines.
 *
 * @example referencePoint({ lat: 38, lon: -97 }, countryOutlines().get('US') ?? []) // about 38.9, -99.0
 */
export function referencePoint(
  given: { readonly lat: number; readonly lon: number },
  polygons: readonly Polygon[],
): { lat: number; lon: number } {
  const main = landmassCentre(polygons);
  if (!main || main.share < MAIN_SHARE) return { lat: given.lat, lon: given.lon };
  return distanceKm(given, main) > SAME_PLACE_KM
    ? { lat: main.lat, lon: main.lon }
    : { lat: given.lat, lon: given.lon };
}

/**
 * The centre of area of a country's main landmass, the largest of its polygons by true area (the
 * contiguous states of the United States, metropolitan France), and the share of the country's
 * land it holds. Area and centre are taken in an equal-area projection (longitude, sine of
 * latitude), each polygon's longitudes unwrapped around its first vertex so one crossing the
 * antimeridian stays whole. Null for no polygon, or when the centre falls outside the landmass (a
 * crescent-shaped country).
 *
 * @example landmassCentre(countryOutlines().get('US') ?? []) // about 38.9, -99.0 (Kansas), share 0.8
 */
export function landmassCentre(
  polygons: readonly Polygon[],
): { lat: number; lon: number; share: number } | null {
  let best: { area: number; x: number; y: number; polygon: Polygon } | undefined;
  let total = 0;
  for (const polygon of polygons) {
    const c = polygonCentre(polygon);
    if (!c) continue;
    total += c.area;
    if (!best || c.area > best.area) best = { ...c, polygon };
  }
  if (!best) return null;
  const lat = (Math.asin(Math.max(-1, Math.min(1, best.y))) * 180) / Math.PI;
  const lon = unwrap(best.x, 0);
  const polygon = best.polygon;
  const inside = [lon, lon + 360, lon - 360].some((x) => insidePolygon(polygon, x, lat));
  return inside ? { lat, lon, share: best.area / total } : null;
}

/** Great-circle distance in km. */
function distanceKm(
  a: { readonly lat: number; readonly lon: number },
  b: { readonly lat: number; readonly lon: number },
): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Area and centre of one polygon (its holes subtracted) in the (lon, sin lat) projection. */
function polygonCentre(polygon: Polygon): { area: number; x: number; y: number } | null {
  const x0 = polygon[0]?.[0]?.[0] ?? 0;
  let area = 0;
  let sx = 0;
  let sy = 0;
  polygon.forEach((ring, k) => {
    let a = 0;
    let cx = 0;
    let cy = 0;
    const pts = ring.map(([x = 0, y = 0]) => [unwrap(x, x0), Math.sin((y * Math.PI) / 180)] as const);
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xj, yj] = pts[j] ?? [0, 0];
      const [xi, yi] = pts[i] ?? [0, 0];
      const f = xj * yi - xi * yj;
      a += f;
      cx += (xj + xi) * f;
      cy += (yj + yi) * f;
    }
    if (a === 0) return;
    // The outer ring adds, each hole takes away, whatever the winding of either.
    const signed = Math.abs(a / 2) * (k === 0 ? 1 : -1);
    area += signed;
    sx += (cx / (3 * a)) * signed;
    sy += (cy / (3 * a)) * signed;
  });
  return area > 0 ? { area, x: sx / area, y: sy / area } : null;
}

/** A longitude moved by whole turns to lie within half a turn of a reference. */
function unwrap(x: number, ref: number): number {
  return x - Math.round((x - ref) / 360) * 360;
}

/** Even-odd rule over every ring of the polygon (holes included). */
function insidePolygon(polygon: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygon)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

function nearestVertexKm(polygons: readonly (readonly Ring[])[], lat: number, lon: number): number {
  let best = Infinity;
  let seen = 0;
  const k = Math.cos((lat * Math.PI) / 180);
  for (const polygon of polygons)
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      if (++seen > MAX_VERTICES) return best;
      const d = Math.hypot((x - lon) * k, y - lat) * 111.2;
      if (d < best) best = d;
    }
  return best;
}
