import {
  INCIDENT_KIND,
  PLACE_PRECISION,
  type IncidentFamily,
  type IncidentKind,
  type PlacePrecision,
} from '../vocabulary/index.js';

/**
 * What the merge decision needs to know of a report's claim or an incident: kind, date window,
 * place (with its ancestors in the gazetteer), parties involved, and the killed count if any.
 */
export interface Claim {
  readonly kind: IncidentKind;
  readonly dateStart: string;
  readonly dateEnd: string;
  readonly place: ClaimPlace | null;
  /** Party codes of the theatre (`AM`, `DPR`…); empty when none is named. */
  readonly parties: readonly string[];
  readonly killed: { readonly low: number; readonly high: number } | null;
}

export interface ClaimPlace {
  readonly id: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: PlacePrecision | null;
  /** Ids of the places that contain this one, nearest first. */
  readonly ancestors: readonly string[];
}

export type FeatureName = 'kind' | 'date' | 'place' | 'parties' | 'killed';

export interface Feature {
  readonly name: FeatureName;
  /** 0–1: how strongly this feature says "the same event". */
  readonly value: number;
  readonly weight: number;
  /** When set, the two cannot be the same event whatever the other features say. */
  readonly veto: boolean;
  readonly note: string;
}

const familyOf = (kind: IncidentKind): IncidentFamily => INCIDENT_KIND[kind].family;

const feature = (name: FeatureName, weight: number, value: number, note: string, veto = false): Feature => ({
  name,
  value,
  weight,
  veto,
  note,
});

export const WEIGHTS: Readonly<Record<FeatureName, number>> = {
  kind: 0.25,
  date: 0.25,
  place: 0.35,
  parties: 0.1,
  killed: 0.05,
};

/**
 * The cheap part of the comparison: true when a veto is certain (different families, more than
 * two days apart, two points far apart), so blocking candidates can be skipped without building
 * the full explanation.
 */
export function isCertainlyApart(a: Claim, b: Claim): boolean {
  if (a.kind !== b.kind && familyOf(a.kind) !== familyOf(b.kind)) return true;
  const gap = Math.max(
    0,
    dayNumber(b.dateStart) - dayNumber(a.dateEnd),
    dayNumber(a.dateStart) - dayNumber(b.dateEnd),
  );
  if (gap > 2) return true;
  const [p, q] = [a.place, b.place];
  if (!p || !q || p.lat === null || p.lon === null || q.lat === null || q.lon === null || p.id === q.id)
    return false;
  if (
    !isPoint(p) ||
    !isPoint(q) ||
    (p.id && q.ancestors.includes(p.id)) ||
    (q.id && p.ancestors.includes(q.id))
  )
    return false;
  return Math.abs(p.lat - q.lat) > 0.1 || Math.abs(p.lon - q.lon) > 0.15;
}

export function compareKind(a: IncidentKind, b: IncidentKind): Feature {
  const w = WEIGHTS.kind;
  if (a === b) return feature('kind', w, 1, `both ${a}`);
  if (familyOf(a) !== familyOf(b))
    return feature('kind', w, 0, `${a} and ${b} are different kinds of event`, true);
  if (a === 'ceasefire_violation' || b === 'ceasefire_violation') {
    return feature('kind', w, 0.8, `${a} / ${b}: a breach of unknown nature and a specific one`);
  }
  return feature('kind', w, 0.6, `${a} / ${b}: same family (${familyOf(a)})`);
}

const DAY = 86_400_000;
const dayCache = new Map<string, number>();
/** Days since 1970 of an ISO date; memoised, as the same few hundred days recur in every comparison. */
export function dayNumber(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(iso, day);
  }
  return day;
}

export function compareDates(a: Claim, b: Claim): Feature {
  const w = WEIGHTS.date;
  const [s1, e1, s2, e2] = [
    dayNumber(a.dateStart),
    dayNumber(a.dateEnd),
    dayNumber(b.dateStart),
    dayNumber(b.dateEnd),
  ];
  const gap = Math.max(0, s2 - e1, s1 - e2);
  const wide = e1 - s1 > 7 || e2 - s2 > 7;
  if (gap > 2) return feature('date', w, 0, `${gap} days apart`, true);
  if (gap > 0) return feature('date', w, gap === 1 ? 0.6 : 0.3, `${gap} day${gap === 1 ? '' : 's'} apart`);
  if (wide) return feature('date', w, 0.5, 'date windows overlap, but one spans more than a week');
  return feature('date', w, 1, s1 === s2 && e1 === e2 ? `same day ${a.dateStart}` : 'date windows overlap');
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const isPoint = (p: ClaimPlace) => p.precision !== null && PLACE_PRECISION[p.precision].isPoint;

/** How much "lies within" says, by how large the containing place is. */
const WITHIN_VALUE: Readonly<Record<string, number>> = { district: 0.7, region: 0.55, country: 0.4 };

export function comparePlaces(a: ClaimPlace | null, b: ClaimPlace | null): Feature {
  const w = WEIGHTS.place;
  if (!a && !b) return feature('place', w, 0.3, 'neither names a place');
  if (!a || !b) return feature('place', w, 0.35, 'only one names a place');
  if (a.id !== null && a.id === b.id) {
    return isPoint(a) && isPoint(b)
      ? feature('place', w, 1, `same place (${a.id})`)
      : feature('place', w, 0.5, `same area (${a.id}), no specific place`);
  }
  const outer = a.id && b.ancestors.includes(a.id) ? a : b.id && a.ancestors.includes(b.id) ? b : null;
  if (outer) {
    return feature(
      'place',
      w,
      WITHIN_VALUE[outer.precision ?? ''] ?? 0.8,
      `one place lies within the other (${outer.id})`,
    );
  }
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) {
    return feature('place', w, 0.35, 'places differ and one has no coordinates');
  }
  const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
  const both = isPoint(a) && isPoint(b);
  const near = both ? 5 : 25;
  if (km > near) return feature('place', w, 0, `${km.toFixed(1)} km apart`, true);
  // Nearby but differently named places: the closer, the likelier the same event.
  const value = both ? 0.7 - 0.1 * km : 0.45 * (1 - km / near);
  return feature('place', w, Math.round(value * 100) / 100, `${km.toFixed(1)} km apart`);
}

export function compareParties(a: readonly string[], b: readonly string[]): Feature {
  const w = WEIGHTS.parties;
  if (a.length === 0 || b.length === 0) return feature('parties', w, 0.6, 'parties not named by both');
  const shared = a.filter((p) => b.includes(p));
  if (shared.length === 0)
    return feature('parties', w, 0.2, `no party in common (${a.join(', ')} / ${b.join(', ')})`);
  return feature('parties', w, 1, `both name ${shared.join(', ')}`);
}

export function compareKilled(a: Claim['killed'], b: Claim['killed']): Feature {
  const w = WEIGHTS.killed;
  if (!a || !b) return feature('killed', w, 0.6, 'deaths not reported by both');
  const overlap = a.low <= b.high && b.low <= a.high;
  const close =
    Math.abs(a.high - b.high) <= 2 || Math.max(a.high, b.high) <= 2 * Math.max(1, Math.min(a.high, b.high));
  if (overlap || close)
    return feature('killed', w, 1, `killed figures compatible (${a.low}–${a.high} / ${b.low}–${b.high})`);
  return feature('killed', w, 0.3, `killed figures differ (${a.low}–${a.high} / ${b.low}–${b.high})`);
}
