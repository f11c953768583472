import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { worldCountries } from '../world/countries.js';

const require = createRequire(import.meta.url);
/** Vertices tested per country at most, so one check stays bounded whatever the shapes. */
const MAX_VERTICES = 200_000;

type Ring = readonly (readonly number[])[];

/**
 * Tells how far a point lies from a country's land: 0 inside it, else the distance in km to the
 * nearest vertex of its outline (Natural Earth 1:50m via `world-atlas`, public domain). Used
 * to catch a reference point placed in the wrong country; null for a country the outlines do
 * not hold. Read once per call of this function (at build time: it is not cheap).
 *
 * @example countryLand()('AF', 31.4, 64.4) // 0 (Helmand lies in Afghanistan)
 */
export function countryLand(): (country: string, lat: number, lon: number) => number | null {
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology<{ countries: GeometryCollection }>;
  const byNumeric = worldCountries().byNumeric;
  const rings = new Map<string, Ring[][]>();
  for (const f of feature(topology, topology.objects.countries).features) {
    const country = byNumeric.get(Number.parseInt(String(f.id), 10));
    const g = f.geometry;
    if (!country || !g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    rings.set(country.alpha2, [...(rings.get(country.alpha2) ?? []), ...polygons]);
  }
  return (country, lat, lon) => {
    const polygons = rings.get(country);
    if (!polygons) return null;
    if (polygons.some((p) => insidePolygon(p, lon, lat))) return 0;
    return nearestVertexKm(polygons, lat, lon);
  };
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
