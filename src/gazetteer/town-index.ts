import { foldName } from '../extract/text/fold.js';
import type { GazetteerPlace } from './gazetteer.js';
import { isUsableCityName, type GeoNamesCity } from './geonames.js';

/** The world's towns, looked up by folded name or by id. */
export interface TownTable {
  /** Towns whose name folds to these words joined by one space; most populous first. */
  lookup(key: string): readonly GazetteerPlace[];
  /** A town by its id (`geonames:ID`). */
  byId(id: string): GazetteerPlace | undefined;
  /** Every town once (name, point, population), most populous first: the map's place names. */
  everyTown(): readonly TownPoint[];
  readonly maxWords: number;
  readonly size: number;
}

export interface TownPoint {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
}

const FIELD = '\u001f';
const NONE: readonly GazetteerPlace[] = [];
/** Look-ups remembered (names and misses), cleared when full: news repeats its names. */
const MAX_REMEMBERED = 50_000;
const RECORD = '\u001e';

/**
 * Builds the towns of the world as one text: a JSON header line ({source, towns, maxWords}),
 * then one line per folded name, sorted: `name words` TAB the towns of that name, most
 * populous first, each `id␟name␟country␟admin1 id␟feature␟population␟lat␟lon` (1e-5°).
 * `npm run build` writes it once (scripts/build-world-towns.mjs); opening it splits nothing.
 *
 * @example buildTownIndex(cities, () => null, 'GeoNames').split('\n').length // names + 1
 */
export function buildTownIndex(
  cities: readonly GeoNamesCity[],
  admin1Of: (country: string, code: string) => string | null,
  source: string,
  divisionName: (id: string) => string | undefined = () => undefined,
  otherNames: ReadonlyMap<number, readonly string[]> = new Map(),
): string {
  const byKey = new Map<string, GeoNamesCity[]>();
  let maxWords = 1;
  let towns = 0;
  const file = (key: string, c: GeoNamesCity) => {
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  };
  for (const c of cities) {
    if (!isUsableCityName(c.name) || hasSeparator(c.name)) continue;
    const words = foldName(c.name);
    maxWords = Math.max(maxWords, words.length);
    file(words.join(' '), c);
    const short = cityOfDivision(c, admin1Of, divisionName);
    if (short !== undefined) file(short, c);
    // The spellings the press also uses (town-names.json), under their own folded keys.
    for (const other of otherNames.get(c.cityId) ?? []) {
      const key = foldName(other).join(' ');
      if (key === words.join(' ') || key === short) continue;
      maxWords = Math.max(maxWords, key.split(' ').length);
      file(key, c);
    }
    towns++;
  }
  const record = (c: GeoNamesCity) =>
    [c.cityId, c.name, c.country, admin1Of(c.country, c.admin1) ?? '', c.feature, c.population]
      .concat([Math.round(c.lat * 1e5), Math.round(c.lon * 1e5)])
      .join(FIELD);
  const lines = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => {
      const sorted = list.sort((a, b) => b.population - a.population || a.cityId - b.cityId);
      return `${key}\t${sorted.map(record).join(RECORD)}`;
    });
  return [JSON.stringify({ source, towns, maxWords }), ...lines].join('\n');
}

/** A city this large is the usual sense of its name, even of the division it is named for. */
const METROPOLIS = 1_000_000;

/**
 * The name a metropolis also answers to when GeoNames names it "<its division> City": the
 * press writes "New York" for New York City far more than for the state, and GeoNames' main
 * name alone would leave only the state to choose. Folded; undefined for any other town.
 *
 * @example cityOfDivision(newYorkCity, admin1Of, nameOf) // 'new york'
 */
function cityOfDivision(
  c: GeoNamesCity,
  admin1Of: (country: string, code: string) => string | null,
  divisionName: (id: string) => string | undefined,
): string | undefined {
  if (c.population < METROPOLIS) return undefined;
  const division = admin1Of(c.country, c.admin1);
  const name = division === null ? undefined : divisionName(division);
  if (name === undefined) return undefined;
  const key = foldName(name).join(' ');
  return foldName(c.name).join(' ') === `${key} city` ? key : undefined;
}

/** A name holding one of the index's separators cannot be stored in it. */
function hasSeparator(name: string): boolean {
  return name.includes('\n') || name.includes('\t') || name.includes(FIELD) || name.includes(RECORD);
}

/**
 * Opens a town index for look-ups: finds where its lines start, nothing more; a town becomes a
 * place only when a text names it, and is kept.
 *
 * @example openTownIndex(text).lookup('pokrovsk')[0]?.country // 'UA'
 */
export function openTownIndex(text: string): TownTable {
  const headerEnd = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, headerEnd < 0 ? text.length : headerEnd)) as {
    towns: number;
    maxWords: number;
  };
  const starts = lineStarts(text, headerEnd);
  const keyAt = (i: number) => {
    const s = starts[i] ?? 0;
    return text.slice(s, text.indexOf('\t', s));
  };
  const made = new Map<string, GazetteerPlace>();
  const parseLine = (i: number): GazetteerPlace[] => {
    const s = starts[i] ?? 0;
    const end = text.indexOf('\n', s);
    const body = text.slice(text.indexOf('\t', s) + 1, end < 0 ? text.length : end);
    return body.split(RECORD).map((r) => {
      const id = `geonames:${r.slice(0, r.indexOf(FIELD))}`;
      let place = made.get(id);
      if (!place) made.set(id, (place = placeOf(r)));
      return place;
    });
  };
  let idLines: Map<string, number> | undefined;
  let every: TownPoint[] | undefined;
  const looked = new Map<string, readonly GazetteerPlace[]>();
  return {
    maxWords: header.maxWords,
    size: header.towns,
    lookup(key) {
      const known = looked.get(key);
      if (known) return known;
      const at = search(starts.length, keyAt, key);
      const found = at < 0 ? NONE : parseLine(at);
      if (looked.size >= MAX_REMEMBERED) looked.clear();
      looked.set(key, found);
      return found;
    },
    everyTown() {
      every ??= townPoints(text, starts);
      return every;
    },
    byId(id) {
      if (!id.startsWith('geonames:')) return undefined;
      const known = made.get(id);
      if (known) return known;
      idLines ??= indexIds(text, starts);
      const line = idLines.get(id);
      return line === undefined ? undefined : parseLine(line).find((p) => p.id === id);
    },
  };
}

function lineStarts(text: string, headerEnd: number): Int32Array {
  const out: number[] = [];
  let at = headerEnd;
  while (at >= 0 && at < text.length - 1) {
    out.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return Int32Array.from(out);
}

/** Every town of the index once (a town filed under several names is one), most populous first. */
function townPoints(text: string, starts: Int32Array): TownPoint[] {
  const seen = new Set<string>();
  const out: TownPoint[] = [];
  starts.forEach((s) => {
    const end = text.indexOf('\n', s);
    const body = text.slice(text.indexOf('\t', s) + 1, end < 0 ? text.length : end);
    for (const r of body.split(RECORD)) {
      const [id = '', name = '', , , , pop = '0', lat = '0', lon = '0'] = r.split(FIELD);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ name, lat: Number(lat) / 1e5, lon: Number(lon) / 1e5, population: Number(pop) });
    }
  });
  return out.sort((a, b) => b.population - a.population);
}

/** Which line holds each id; built on the first look-up by id of a town no text has named yet. */
function indexIds(text: string, starts: Int32Array): Map<string, number> {
  const out = new Map<string, number>();
  starts.forEach((s, line) => {
    const end = text.indexOf('\n', s);
    const body = text.slice(text.indexOf('\t', s) + 1, end < 0 ? text.length : end);
    for (const r of body.split(RECORD)) out.set(`geonames:${r.slice(0, r.indexOf(FIELD))}`, line);
  });
  return out;
}

function placeOf(record: string): GazetteerPlace {
  const [id = '', name = '', country = '', admin1 = '', feature = '', pop = '0', lat = '0', lon = '0'] =
    record.split(FIELD);
  return {
    id: `geonames:${id}`,
    name,
    names: [name],
    kind: 'settlement',
    country,
    parent: admin1 === '' ? country.toLowerCase() : admin1,
    lat: Number(lat) / 1e5,
    lon: Number(lon) / 1e5,
    precision: 'near',
    population: Number(pop),
    feature,
  };
}

function search(length: number, keyAt: (i: number) => string, key: string): number {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keyAt(mid);
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
