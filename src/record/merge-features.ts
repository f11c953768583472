import {
  INCIDENT_KIND,
  PLACE_PRECISION,
  type IncidentFamily,
  type IncidentKind,
  type PlacePrecision,
} from '../vocabulary/index.js';
import { MERGE_CONFIG, type MergeConfig } from './merge-config.js';

/**
 * What the merge decision needs to know of a report's claim or an incident: kind, date window,
 * place (with its ancestors in the gazetteer), parties involved, and the killed count if any.
 */
export interface Claim {
  readonly kind: IncidentKind;
  readonly dateStart: string;
  readonly dateEnd: string;
  /**
   * Where the window comes from: the text (`event`, the default), the publication day standing in
   * for an event the text does not date (`published`: it happened on or before that day), or
   * nothing at all (`unknown`: the window is the day of capture and says nothing).
   */
  readonly dateBasis?: DateBasis;
  readonly place: ClaimPlace | null;
  /** Party codes of the theatre (`AM`, `DPR`…); empty when none is named. */
  readonly parties: readonly string[];
  readonly killed: { readonly low: number; readonly high: number } | null;
  /** The articles (source ids) the claim rests on: two events of one article are never one incident. */
  readonly sources?: readonly number[];
}

export type DateBasis = 'event' | 'published' | 'unknown';

export interface ClaimPlace {
  readonly id: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: PlacePrecision | null;
  /** Ids of the places that contain this one, nearest first (its country's code last). */
  readonly ancestors: readonly string[];
  /** The place's display name, for the explanation's words (the id when absent). */
  readonly name?: string | null;
  /** The display names of `ancestors`, in the same order. */
  readonly ancestorNames?: readonly string[];
}

/** How an explanation names a place: by its name, its id only when it has none. */
const nameOf = (p: ClaimPlace): string => p.name ?? p.id ?? 'an unnamed place';

/** How an explanation names a place one of the two contains (a shared division, a country). */
function containingName(a: ClaimPlace, b: ClaimPlace, id: string): string {
  for (const p of [a, b]) {
    if (p.id === id) return nameOf(p);
    const at = p.ancestors.indexOf(id);
    const name = at < 0 ? undefined : p.ancestorNames?.[at];
    if (name) return name;
  }
  return id;
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

/** The weights of the score, from the one merge configuration. */
export const WEIGHTS: Readonly<Record<FeatureName, number>> = MERGE_CONFIG.weights;

const basisOf = (c: Claim): DateBasis => c.dateBasis ?? 'event';

/**
 * Days between two claims' windows, as far as their dates say: 0 when they overlap, null when
 * one has no date at all. A claim dated only by its publication day happened on or before it, so
 * an earlier window is no gap (a later article mentioning the event in passing).
 */
export function dayGap(a: Claim, b: Claim, config: MergeConfig = MERGE_CONFIG): number | null {
  const [ba, bb] = [a.dateBasis ?? 'event', b.dateBasis ?? 'event'];
  if (ba === 'unknown' || bb === 'unknown') return null;
  const later = dayNumber(b.dateStart) - dayNumber(a.dateEnd);
  const earlier = dayNumber(a.dateStart) - dayNumber(b.dateEnd);
  if (ba === 'published' && earlier > 0) return earlier > config.undatedLookbackDays ? earlier : 0;
  if (bb === 'published' && later > 0) return later > config.undatedLookbackDays ? later : 0;
  return Math.max(0, later, earlier);
}

/**
 * The cheap part of the comparison: true when a veto is certain (different families, more than
 * `maxGapDays` apart, two points far apart), so blocking candidates can be skipped without
 * building the full explanation.
 */
export function isCertainlyApart(a: Claim, b: Claim, config: MergeConfig = MERGE_CONFIG): boolean {
  if (a.kind !== b.kind && familyOf(a.kind) !== familyOf(b.kind)) return true;
  if (sharesSource(a, b)) return true;
  const gap = dayGap(a, b, config);
  if (gap !== null && gap > config.maxGapDays) return true;
  const [p, q] = [a.place, b.place];
  if (!p || !q || p.lat === null || p.lon === null || q.lat === null || q.lon === null || p.id === q.id)
    return false;
  if (!isPoint(p) || !isPoint(q) || isWithinPlace(p, q) || isWithinPlace(q, p)) return false;
  // A box test, not a distance: 0.1° of latitude is 11 km, beyond any two points that may merge.
  return Math.abs(p.lat - q.lat) > 0.1 || Math.abs(p.lon - q.lon) > 0.15;
}

/** Two claims resting on one article: its distinct events, which never make one incident. */
export function sharesSource(a: Claim, b: Claim): boolean {
  const [sa, sb] = [a.sources, b.sources];
  if (!sa || !sb || sa.length === 0 || sb.length === 0) return false;
  for (const s of sa) if (sb.includes(s)) return true;
  return false;
}

/**
 * Kinds of violence named by their target (an attack on civilians, on monitors) or by their means
 * (a mine, shelling, a clash): one act told by one outlet through the victim and by another
 * through the weapon ("peacekeepers attacked" / "a mine hit the patrol") is a likely match.
 */
const isTargetKind = (kind: IncidentKind) =>
  INCIDENT_KIND[kind].acled.event_type === 'Violence against civilians';

const isRemoteKind = (kind: IncidentKind) =>
  INCIDENT_KIND[kind].isSpecificViolence &&
  INCIDENT_KIND[kind].acled.event_type === 'Explosions/Remote violence';

export function compareKind(a: IncidentKind, b: IncidentKind): Feature {
  const w = WEIGHTS.kind;
  if (a === b) return feature('kind', w, 1, `both ${a}`);
  if (familyOf(a) !== familyOf(b))
    return feature('kind', w, 0, `${a} and ${b} are different kinds of event`, true);
  if (a === 'ceasefire_violation' || b === 'ceasefire_violation') {
    return feature('kind', w, 0.8, `${a} / ${b}: a breach of unknown nature and a specific one`);
  }
  // A missile told as shelling by one outlet and as an air strike by another, a blast as a mine or
  // a shell: ACLED's one type for explosions and remote violence.
  if (isRemoteKind(a) && isRemoteKind(b))
    return feature('kind', w, 0.8, `${a} / ${b}: both explosions or remote violence`);
  if (isTargetKind(a) !== isTargetKind(b))
    return feature('kind', w, 0.8, `${a} / ${b}: one names the target, the other the means`);
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

export function compareDates(a: Claim, b: Claim, config: MergeConfig = MERGE_CONFIG): Feature {
  const w = WEIGHTS.date;
  const gap = dayGap(a, b, config);
  if (gap === null) return feature('date', w, 0.4, 'one report gives no date at all');
  if (gap > config.maxGapDays) return feature('date', w, 0, `${gap} days apart`, true);
  if (gap > 0)
    return feature(
      'date',
      w,
      gap <= config.dateSlackDays ? 0.6 : 0.3,
      `${gap} day${gap === 1 ? '' : 's'} apart (outlets date by the event or by publication)`,
    );
  if (basisOf(a) === 'published' || basisOf(b) === 'published')
    return feature('date', w, 0.5, 'one report gives no event date; it was published on or after the other');
  const [s1, e1, s2, e2] = [
    dayNumber(a.dateStart),
    dayNumber(a.dateEnd),
    dayNumber(b.dateStart),
    dayNumber(b.dateEnd),
  ];
  const wide = e1 - s1 > config.wideWindowDays || e2 - s2 > config.wideWindowDays;
  if (wide) return feature('date', w, 0.5, 'date windows overlap, but one spans more than a week');
  if (s1 === s2 && e1 === e2) return feature('date', w, 1, `same day ${a.dateStart}`);
  const contains = (s1 <= s2 && e2 <= e1) || (s2 <= s1 && e1 <= e2);
  return feature('date', w, 1, contains ? 'one date window contains the other' : 'date windows overlap');
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const isPoint = (p: ClaimPlace): boolean =>
  p.precision !== null && PLACE_PRECISION[p.precision].isPoint;

/** True when `inner` lies inside `outer` by the gazetteer's hierarchy (village → province → country). */
export const isWithinPlace = (inner: ClaimPlace, outer: ClaimPlace): boolean =>
  outer.id !== null && inner.ancestors.includes(outer.id);

/**
 * How much "lies within" says, by how large the containing place is: a village named by one
 * outlet and its district by another is a strong match; the same village and only the country,
 * a weak one (many events share a country on a day).
 */
const WITHIN_VALUE: Readonly<Record<PlacePrecision, number>> = {
  exact: 0.8,
  near: 0.8,
  district: 0.7,
  region: 0.55,
  country: 0.4,
};
/** Both name the same place: the finer that place, the more it says. */
const SAME_VALUE: Readonly<Record<PlacePrecision, number>> = {
  exact: 1,
  near: 1,
  district: 0.75,
  region: 0.6,
  country: 0.5,
};

/**
 * The same for events a country sees few of on one day (`MergeConfig.sparseFamilies`: an
 * exchange, an agreement, a handover): the coarser place still grades below the finer, but
 * naming only the country says nearly as much as naming the town.
 */
const SPARSE_VALUE: Readonly<Record<PlacePrecision, number>> = {
  exact: 0.9,
  near: 0.9,
  district: 0.85,
  region: 0.85,
  country: 0.8,
};

/** Whether both kinds are of a family a country sees few events of on one day. */
export const isSparsePair = (a: IncidentKind, b: IncidentKind, config: MergeConfig = MERGE_CONFIG): boolean =>
  config.sparseFamilies.includes(familyOf(a)) && config.sparseFamilies.includes(familyOf(b));

/** Countries are places by their lower-case alpha-2 code; a place's country is the last such ancestor. */
const COUNTRY_ID = /^[a-z]{2}$/;
function countryOf(p: ClaimPlace): string | null {
  if (p.precision === 'country' && p.id && COUNTRY_ID.test(p.id)) return p.id;
  for (let i = p.ancestors.length - 1; i >= 0; i -= 1) {
    const id = p.ancestors[i] as string;
    if (COUNTRY_ID.test(id)) return id;
  }
  return null;
}

/**
 * The nearest division below the country that holds both places (or is one of them), when one has
 * no coordinates to measure by: an unlisted village placed by the text in its province, and a
 * town of that province.
 */
function sharedDivision(a: ClaimPlace, b: ClaimPlace): string | null {
  const holds = (p: ClaimPlace, id: string) => p.id === id || p.ancestors.includes(id);
  for (const id of a.ancestors) if (!COUNTRY_ID.test(id) && holds(b, id)) return id;
  for (const id of b.ancestors) if (!COUNTRY_ID.test(id) && holds(a, id)) return id;
  return null;
}

/**
 * An unlisted place (one the text named but the gazetteer does not list) is known by its name
 * alone; outlets join or split compound names ("SabonGari", "Sabon Gari"), so two unlisted names
 * that differ only by spaces or hyphens are one place, when in one country.
 */
const UNLISTED = 'unlisted-';
const compactUnlisted = (id: string) => id.slice(UNLISTED.length).replaceAll('-', '');
function isSamePlace(a: ClaimPlace, b: ClaimPlace): boolean {
  if (a.id === null || b.id === null) return false;
  if (!a.id.startsWith(UNLISTED) || !b.id.startsWith(UNLISTED)) return a.id === b.id;
  if (compactUnlisted(a.id) !== compactUnlisted(b.id)) return false;
  const [ca, cb] = [countryOf(a), countryOf(b)];
  return ca === null || cb === null || ca === cb;
}

type Grades = Readonly<Record<PlacePrecision, number>>;
const gradedPlain = (table: Grades, p: PlacePrecision | null) => table[p ?? 'country'];
const gradedSparse = (table: Grades, p: PlacePrecision | null) =>
  Math.max(table[p ?? 'country'], SPARSE_VALUE[p ?? 'country']);

export function comparePlaces(
  a: ClaimPlace | null,
  b: ClaimPlace | null,
  config: MergeConfig = MERGE_CONFIG,
  sparse = false,
): Feature {
  const graded = sparse ? gradedSparse : gradedPlain;
  const w = WEIGHTS.place;
  if (!a && !b) return feature('place', w, 0.3, 'neither names a place');
  if (!a || !b) return feature('place', w, 0.35, 'only one names a place');
  if (isSamePlace(a, b)) {
    const coarser = isPoint(a) ? b.precision : a.precision;
    const value = graded(SAME_VALUE, coarser);
    return feature(
      'place',
      w,
      value,
      value === 1 ? `same place (${nameOf(a)})` : `same area (${nameOf(a)}), no specific place`,
    );
  }
  const outer = isWithinPlace(b, a) ? a : isWithinPlace(a, b) ? b : null;
  if (outer) {
    return feature(
      'place',
      w,
      graded(WITHIN_VALUE, outer.precision),
      `one place lies within the other (${nameOf(outer)}, ${outer.precision ?? 'area'})${sparse ? ', for an event of a kind a country sees few of a day' : ''}`,
    );
  }
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) {
    // With no coordinates to measure, the countries still tell two towns apart.
    const [ca, cb] = [countryOf(a), countryOf(b)];
    if (ca && cb && ca !== cb)
      return feature(
        'place',
        w,
        0,
        `in different countries (${containingName(a, b, ca)} / ${containingName(a, b, cb)})`,
      );
    // A town known only by the division the text put it in says as much as naming that division.
    const shared = sharedDivision(a, b);
    if (shared)
      return feature(
        'place',
        w,
        graded(WITHIN_VALUE, 'region'),
        `both lie in ${containingName(a, b, shared)}, and one has no coordinates of its own`,
      );
    return feature('place', w, 0.35, 'places differ and one has no coordinates');
  }
  const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
  const both = isPoint(a) && isPoint(b);
  const near = both ? config.pointNearKm : config.areaNearKm;
  if (km > near) return feature('place', w, 0, `${km.toFixed(1)} km apart, neither within the other`, true);
  // Nearby but differently named places: the closer, the likelier the same event.
  const value = both ? 0.7 - (0.5 * km) / near : 0.45 * (1 - km / near);
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

/**
 * Outlets disagree on figures (9, 8 and 7 injured): overlapping or close ranges are one uncertain
 * figure, reconciled as low/best/high on the incident, not a sign of two events.
 */
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
