import { foldName } from '../extract/text/fold.js';
import type { GazetteerPlace } from './gazetteer.js';

/** A place name found in a text, with every place it may stand for. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly options: readonly GazetteerPlace[];
  /** Written after "in", "near", "from"…: a place is meant, a small town may be taken. */
  readonly locative: boolean;
  /** The candidate written right after it behind a comma ("Paris, Texas"), if any. */
  readonly host: number | null;
  /** The name as written, folded: occurrences of one name support nothing about each other. */
  readonly key?: string;
  /** Written before a word only a division has ("New York Gov.", "Washington state"). */
  readonly divisionCue?: boolean;
}

/** Which place a candidate stands for, how sure, and why. */
export interface Resolution {
  readonly place: GazetteerPlace;
  readonly confidence: number;
  readonly reason: string;
  /** Chosen because the text writes it with the place it lies in ("Paris, Texas"). */
  readonly hosted?: boolean;
}

/** Towns this large are taken wherever written; smaller ones need the document's support. */
const LARGE_TOWN = 100_000;
const LOCATIVE_TOWN = 5_000;
/** A one-word town of the document's country, without a locative word, needs this many people. */
const SUPPORTED_TOWN = 20_000;
const NEAR_KM = 150;
const MAX_OPTIONS = 60;
const MAX_ANCHORS = 200;
/** A theatre pack's place: chosen by the center, above a division or town of the same name. */
const THEATRE_PLACE = 9;

interface Context {
  /**
   * The countries the document's names lie in, each with the candidates naming them and whether
   * that candidate surely means one place there (`dominant`) or only that all its places are there.
   */
  readonly countries: ReadonlyMap<string, readonly { readonly at: number; readonly dominant: boolean }[]>;
  /** Which candidates share a name with which: the same name written again is no evidence. */
  readonly sameName: (a: number, b: number) => boolean;
  /** The unambiguous places, each with the candidates naming it (itself, not a place inside it). */
  readonly named: ReadonlyMap<string, readonly number[]>;
  /** The unambiguous places and the places they lie in, each with the candidates naming them. */
  readonly places: ReadonlyMap<string, readonly number[]>;
  /** Divisions and countries the document's unambiguous places lie in, with those places. */
  readonly parents: ReadonlyMap<string, readonly { readonly at: number; readonly name: string }[]>;
  readonly nameOf: (id: string) => string;
  readonly anchors: readonly { readonly at: number; readonly place: GazetteerPlace }[];
  /** For each candidate, the candidates written just before it behind a comma ("Bronx, New York"). */
  readonly guests: ReadonlyMap<number, readonly Candidate[]>;
}

/**
 * Resolves each candidate to one place, or to null when a name only a small town bears has no
 * support in the document. Ambiguity is decided by geography and the document — the countries
 * and divisions it names, the places near the others, a comma-joined host ("Paris, Texas") —
 * then by feature kind and population; never by the order of a list.
 *
 * @example resolveCandidates([paris, texas])[0]?.place.country // 'US'
 */
export function resolveCandidates(
  candidates: readonly Candidate[],
  nameOf: (id: string) => string = (id) => id,
): (Resolution | null)[] {
  const context = contextOf(candidates, nameOf);
  const resolved = candidates.map((c, i) => resolveOne(candidates, c, i, context));
  return oneSensePerName(candidates, resolved);
}

/**
 * One sense per discourse: a name the document once writes with the place it lies in
 * ("Glasgow, Kentucky") means that place wherever else the document writes it alone
 * ("Glasgow"), when the place is among that name's options.
 */
function oneSensePerName(
  candidates: readonly Candidate[],
  resolved: readonly (Resolution | null)[],
): (Resolution | null)[] {
  const hosted = new Map<string, Resolution>();
  resolved.forEach((r, i) => {
    const key = candidates[i]?.key;
    if (r && key !== undefined && r.hosted === true && !hosted.has(key)) hosted.set(key, r);
  });
  if (hosted.size === 0) return [...resolved];
  return resolved.map((r, i) => {
    const c = candidates[i];
    const h = c?.key === undefined ? undefined : hosted.get(c.key);
    if (!c || !h || r?.place.id === h.place.id || !c.options.some((p) => p.id === h.place.id)) return r;
    return {
      place: h.place,
      confidence: h.confidence,
      reason: `as written elsewhere with the place it lies in`,
      hosted: true,
    };
  });
}

function resolveOne(all: readonly Candidate[], c: Candidate, i: number, ctx: Context): Resolution | null {
  const host = c.host === null ? undefined : all[c.host];
  const ranked = c.options
    .slice(0, MAX_OPTIONS)
    .map((place) => ({ place, ...scoreOf(place, i, host, ctx, c.options, c.divisionCue === true) }))
    .sort((a, b) => b.score - a.score || (a.place.id < b.place.id ? -1 : 1));
  const [best, second] = ranked;
  if (!best) return null;
  if (!isSupported(c, best)) return null;
  const margin = second ? best.score - second.score : 3;
  const confidence = Math.round((1 / (1 + Math.exp(-margin))) * 100) / 100;
  const reason = second
    ? best.reason
    : `the only place of that name${best.reason === '' ? '' : `; ${best.reason}`}`;
  const shown = reason === '' ? priorReason(best.place) : reason;
  return { place: best.place, confidence, reason: shown, hosted: best.hosted };
}

/**
 * Whether the document supports reading the name as this place. Countries, world regions and
 * the packs' places stand alone; a division needs its country, a neighbour or a locative word
 * ("in Alberta"); a town needs as much, and a one-word town more than its country alone
 * unless it is large.
 */
function isSupported(c: Candidate, best: Scored & { readonly place: GazetteerPlace }): boolean {
  const p = best.place;
  const isTown = isGeoNamesTown(p);
  if (p.id.startsWith('admin1:') && isDescriptiveName(p.name)) return best.hosted || best.countryNamed;
  if (!isTown && !p.id.startsWith('admin1:')) return true;
  if (best.strong) return true;
  if (!isTown) return best.weak || c.locative || p.name.includes(' ');
  const pop = p.population ?? 0;
  const oneWord = !/[\s-]/.test(p.name);
  if (pop >= LARGE_TOWN) return true;
  if (oneWord)
    return (c.locative && (best.weak || pop >= LOCATIVE_TOWN)) || (best.weak && pop >= SUPPORTED_TOWN);
  return best.weak || c.locative;
}

interface Scored {
  readonly score: number;
  /** Supported by geography (a host, a named parent or child, a place named nearby). */
  readonly strong: boolean;
  /** In a country the document names (this name included: it says so for support, not for ranking). */
  readonly weak: boolean;
  readonly hosted: boolean;
  /** The document names the place's country itself (another name than this one). */
  readonly countryNamed: boolean;
  readonly reason: string;
}

/** Words that describe where rather than name it: a division named only with them is a description in most texts. */
const DESCRIPTIVE_WORDS = new Set(
  (
    'north south east west central northern southern eastern western northeast northwest ' +
    'southeast southwest northeastern northwestern southeastern southwestern mid middle upper ' +
    'lower inner outer coast coastal district region province capital islands island ' +
    'highlands lowlands lakes valley greater'
  ).split(' '),
);

/**
 * True for a division whose name is only compass and kind words ("North West", "West Coast",
 * "South Central", "Southern District"): in most texts such words describe a part of whatever
 * is being discussed, so they name the division only in a text that names its country (or
 * written with it: "North West, South Africa").
 *
 * @example isDescriptiveName('West Coast') // true
 */
export function isDescriptiveName(name: string): boolean {
  const words = foldName(name);
  return words.length > 0 && words.every((w) => DESCRIPTIVE_WORDS.has(w));
}

/**
 * A place's score: its prior, plus what the document says for it. Written with its host
 * ("Paris, Texas") counts most. That the document is about the place's area — its division
 * named, a place it contains named, a place named nearby — is one kind of evidence, counted
 * once (the strongest), so a small town inside a named area does not outscore a division or
 * a large town of the same name there by piling up the same fact three times. The document's
 * other names count; the same name written again does not.
 */
function scoreOf(
  place: GazetteerPlace,
  self: number,
  host: Candidate | undefined,
  ctx: Context,
  rivals: readonly GazetteerPlace[],
  cue = false,
): Scored {
  const parts: [number, string][] = [];
  const area: [number, string][] = [];
  // The town a division is named after ranks above the division, other evidence equal.
  const eponymOf = isGeoNamesTown(place) ? rivals.find((r) => isEponymousDivision(r, place)) : undefined;
  if (eponymOf) parts.push([1, `the town its division (${eponymOf.name}) is named after`]);
  const hosted = host?.options.find(
    (h) => h.id === place.parent || (h.kind === 'country' && h.country === place.country),
  );
  if (hosted) parts.push([8, `written with the place it lies in (${hosted.name})`]);
  // "Bronx, New York": the name after the comma is the place holding the one before it.
  const guest = (ctx.guests.get(self) ?? [])
    .flatMap((g) => g.options)
    .find((g) => g.parent === place.id || (place.kind === 'country' && g.country === place.country));
  if (guest && !hosted) parts.push([8, `written after ${guest.name}, which lies in it`]);
  if (cue && place.id.startsWith('admin1:')) parts.push([8, 'written before a word only a division has']);
  const other = (at: number) => at !== self && !ctx.sameName(at, self);
  const parentNamed = place.parent !== null && (ctx.places.get(place.parent) ?? []).some(other);
  if (parentNamed && place.parent !== null && place.parent !== place.country.toLowerCase())
    area.push([3, `in ${ctx.nameOf(place.parent)}, which the document names`]);
  // A division is not supported by its own eponymous town named again ("Vavuniya … Vavuniya").
  const child = ctx.parents.get(place.id)?.find((c) => other(c.at) && !rivals.some((r) => r.name === c.name));
  if (child !== undefined) area.push([3, `contains ${child.name}, which the document names`]);
  const near = nearestAnchor(place, self, ctx);
  if (near && near.km <= NEAR_KM)
    area.push([2.5, `${Math.round(near.km)} km from ${near.name}, named nearby`]);
  const [strongestArea] = area.sort((a, b) => b[0] - a[0]);
  if (strongestArea) parts.push(strongestArea);
  const strong = parts.length > 0;
  const inCountryAll = ctx.countries.get(place.country) ?? [];
  const inCountry = inCountryAll.filter((e) => other(e.at)).length;
  if (inCountry > 0 && place.kind !== 'country') {
    const country = place.country.toLowerCase();
    const named = (ctx.named.get(country) ?? []).some(other);
    const why = named ? 'which the document names' : 'where the document’s other places lie';
    parts.push([2.5 + Math.min(inCountry, 3) / 3, `in ${ctx.nameOf(country)}, ${why}`]);
  }
  const support = parts.reduce((s, [v]) => s + v, 0);
  const top = [...parts].sort((a, b) => b[0] - a[0])[0];
  return {
    score: (eponymOf ? Math.max(prior(place), DIVISION_PRIOR) : prior(place)) + support,
    strong,
    // For support, a name that surely means one place vouches for its own country ("Kentucky");
    // a name whose several places merely share a country ("Freedom", all in the US) does not.
    weak: inCountryAll.some((e) => e.dominant || other(e.at)),
    hosted: hosted !== undefined,
    countryNamed: (ctx.named.get(place.country.toLowerCase()) ?? []).some(other),
    reason: top?.[1] ?? '',
  };
}

/** A division's prior: below a country's, above any town but a capital or a metropolis. */
const DIVISION_PRIOR = 8;
/** A second-level division's ("Orange County"): below a first-level one's. */
const COUNTY_PRIOR = 7;

/** Divisions farther than this from a town of their name are not named after it. */
const EPONYM_KM = 100;

/**
 * True when the division bears the town's name and holds it: its parent, or (where GeoNames'
 * admin codes do not give the division) within EPONYM_KM of the division's centre.
 */
function isEponymousDivision(division: GazetteerPlace, town: GazetteerPlace): boolean {
  if (!division.id.startsWith('admin1:') || division.country !== town.country) return false;
  return (
    division.id === town.parent || distanceKm(division.lat, division.lon, town.lat, town.lon) <= EPONYM_KM
  );
}

/**
 * What a place is worth with no context: a country over a division, by more than the support
 * of a country the document names, so a country's name is read as a division of another only
 * with evidence about that area ("Taiwan" beside China is Taiwan; "Georgia" beside Atlanta the
 * state); then a theatre's place; then a town by size (log10 of its people, more for a capital,
 * which news names for its government); a city of a million or more is the name's usual sense
 * even beside its division ("New York").
 */
function prior(p: GazetteerPlace): number {
  if (p.kind === 'country') return 12;
  if (p.id.startsWith('admin1:')) return DIVISION_PRIOR;
  if (p.feature === 'ADM2') return COUNTY_PRIOR;
  const isTown = isGeoNamesTown(p);
  if (p.population === undefined) return isTown ? 0 : p.id.startsWith('world:') ? 6.5 : THEATRE_PLACE;
  const seat = p.feature === 'PPLC' ? 3 : p.feature === 'PPLA' ? 0.5 : 0;
  const metropolis = p.population >= 1_000_000 ? 3 : 0;
  const town = Math.log10(p.population + 10) + seat + metropolis;
  return isTown ? town : Math.max(THEATRE_PLACE, town);
}

function priorReason(p: GazetteerPlace): string {
  if (p.kind === 'country') return 'a country before a town or division of that name';
  if (!isGeoNamesTown(p)) return 'a listed place before a town of that name';
  return `the most populous place of that name (${(p.population ?? 0).toLocaleString('en')})`;
}

/** Countries and places the document names without ambiguity, and their positions. */
function contextOf(candidates: readonly Candidate[], nameOf: (id: string) => string): Context {
  const countries = new Map<string, { at: number; dominant: boolean }[]>();
  const places = new Map<string, number[]>();
  const named = new Map<string, number[]>();
  const parents = new Map<string, { at: number; name: string }[]>();
  const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const anchors: { at: number; place: GazetteerPlace }[] = [];
  // Two positions per place are enough to find one that is not the candidate itself.
  const anchorCount = new Map<string, number>();
  candidates.forEach((c, at) => {
    const place = dominant(c.options);
    // A name all of whose places lie in one country names that country, whichever it means.
    const country = place?.country ?? sharedCountry(c.options);
    if (country !== '') push(countries, country, { at, dominant: place !== undefined });
    if (!place) return;
    push(places, place.id, at);
    push(named, place.id, at);
    if (place.parent !== null) push(places, place.parent, at);
    if (place.kind !== 'country') {
      if (place.parent !== null) push(parents, place.parent, { at, name: place.name });
      if (place.country !== '') push(parents, place.country.toLowerCase(), { at, name: place.name });
    }
    const seen = anchorCount.get(place.id) ?? 0;
    if (
      place.kind !== 'country' &&
      !place.id.startsWith('world:') &&
      seen < 2 &&
      anchors.length < MAX_ANCHORS
    ) {
      anchors.push({ at, place });
      anchorCount.set(place.id, seen + 1);
    }
  });
  const sameName = (a: number, b: number) => {
    const ka = candidates[a]?.key;
    return ka !== undefined && ka === candidates[b]?.key;
  };
  const guests = new Map<number, Candidate[]>();
  for (const c of candidates) if (c.host !== null) guests.set(c.host, [...(guests.get(c.host) ?? []), c]);
  return { countries, sameName, named, places, parents, anchors, nameOf, guests };
}

/** The country every option lies in, or '' when they differ (or there are none). */
function sharedCountry(options: readonly GazetteerPlace[]): string {
  const first = options[0]?.country ?? '';
  return options.every((p) => p.country === first) ? first : '';
}

/** The option a candidate surely means: the only one, or a town ten times the next. */
function dominant(options: readonly GazetteerPlace[]): GazetteerPlace | undefined {
  const [first, second] = options;
  if (!first || !second) return first;
  const pop = (p: GazetteerPlace) => p.population ?? Infinity;
  const curated = options.filter((p) => !isGeoNamesTown(p));
  if (curated.length === 1) return curated[0];
  return curated.length === 0 && pop(first) >= 10 * pop(second) ? first : undefined;
}

function nearestAnchor(
  place: GazetteerPlace,
  self: number,
  ctx: Context,
): { km: number; name: string } | undefined {
  let best: { km: number; name: string } | undefined;
  for (const a of ctx.anchors) {
    if (a.at === self || a.place.id === place.id || ctx.sameName(a.at, self)) continue;
    const km = distanceKm(place.lat, place.lon, a.place.lat, a.place.lon);
    if (!best || km < best.km) best = { km, name: a.place.name };
  }
  return best;
}

/**
 * Great-circle distance in kilometres.
 *
 * @example Math.round(distanceKm(48.85, 2.35, 51.51, -0.13)) // 343
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A town of the world base (GeoNames), not a place a pack or the world base lists by name.
 *
 * @example isGeoNamesTown({ id: 'geonames:616052', ... }) // true
 */
export function isGeoNamesTown(p: GazetteerPlace): boolean {
  return p.id.startsWith('geonames:');
}
