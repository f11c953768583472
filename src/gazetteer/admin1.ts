import { foldName } from '../extract/text/fold.js';
import type { GazetteerPlace } from './gazetteer.js';
import type { GeoNamesCity } from './geonames.js';
import { isUsableCityName } from './geonames.js';

/** One first-level division as `country-state-city` ships it (its `state.json`). */
export interface RawState {
  readonly name: string;
  readonly isoCode: string;
  readonly countryCode: string;
  readonly latitude: string | null;
  readonly longitude: string | null;
}

/** The word a division's name ends with that says what it is; dropped for a short name. */
const TYPE_WORDS =
  /\s+(?:province|governorate|oblast|region|state|department|prefecture|voivodeship|krai|county|district|division|canton|emirate|territory)$/i;

/**
 * The first-level divisions (states, provinces, oblasts, governorates) as gazetteer regions,
 * each inside its country: id `admin1:CC-ISO`, its name and the name without its type word
 * ("Idlib Governorate" is also "Idlib").
 *
 * @example admin1Places([{ name: 'Texas', isoCode: 'TX', countryCode: 'US', latitude: '31', longitude: '-99' }])[0]?.id // 'admin1:us-tx'
 */
export function admin1Places(states: readonly RawState[]): GazetteerPlace[] {
  const out: GazetteerPlace[] = [];
  for (const s of states) {
    const lat = Number(s.latitude);
    const lon = Number(s.longitude);
    if (!/^[A-Z]{2}$/.test(s.countryCode) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (!isUsableCityName(s.name)) continue;
    const short = s.name.replace(TYPE_WORDS, '');
    const names = short !== s.name && isUsableCityName(short) ? [s.name, short] : [s.name];
    out.push({
      id: admin1Id(s.countryCode, s.isoCode),
      name: s.name,
      names,
      kind: 'region',
      country: s.countryCode,
      parent: s.countryCode.toLowerCase(),
      lat,
      lon,
      precision: 'region',
    });
  }
  return out;
}

/** The gazetteer id of a division: `admin1:` and its ISO 3166-2 code, lower case. */
export function admin1Id(country: string, iso: string): string {
  const code = iso.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return code.startsWith(`${country.toLowerCase()}-`)
    ? `admin1:${code}`
    : `admin1:${country.toLowerCase()}-${code}`;
}

/**
 * Which division each GeoNames admin1 code of a country stands for, in this order: GeoNames'
 * code is the ISO code where both are letters ("TX"); else the division of the code's name
 * (`codeNames`: GeoNames' own names of its codes, "CN.11" → "Hunan"), compared without kind
 * words ("Hunan Province"); else codes and divisions are paired one to one, nearest first, by
 * the centre of the code's towns and the division's point (so Queensland's towns, whose centre
 * lies nearer New South Wales' point, stay in Queensland once New South Wales' own towns have
 * taken it); a code left over goes to the nearest division. A division whose point is unknown
 * (precision `country`) is never matched by place.
 *
 * @example admin1Assigner(states, cities)('US', 'TX') // 'admin1:us-tx'
 */
export function admin1Assigner(
  divisions: readonly GazetteerPlace[],
  cities: readonly GeoNamesCity[],
  codeNames: ReadonlyMap<string, string> = new Map(),
): (country: string, code: string) => string | null {
  const byCountry = new Map<string, GazetteerPlace[]>();
  for (const d of divisions) {
    const list = byCountry.get(d.country);
    if (list) list.push(d);
    else byCountry.set(d.country, [d]);
  }
  const centres = new Map<string, Map<string, Centre>>();
  for (const c of cities) {
    if (c.admin1 === '') continue;
    const codes = centres.get(c.country) ?? new Map<string, Centre>();
    centres.set(c.country, codes);
    const e = codes.get(c.admin1) ?? { lat: 0, lon: 0, n: 0 };
    codes.set(c.admin1, { lat: e.lat + c.lat, lon: e.lon + c.lon, n: e.n + 1 });
  }
  const memo = new Map<string, ReadonlyMap<string, string>>();
  return (country, code) => {
    let assigned = memo.get(country);
    if (!assigned) {
      const codes = centres.get(country) ?? new Map<string, Centre>();
      assigned = assignCountry(byCountry.get(country) ?? [], country, codes, codeNames);
      memo.set(country, assigned);
    }
    return assigned.get(code) ?? sameCode(byCountry.get(country) ?? [], country, code)?.id ?? null;
  };
}

interface Centre {
  readonly lat: number;
  readonly lon: number;
  readonly n: number;
}

function assignCountry(
  divisions: readonly GazetteerPlace[],
  country: string,
  codes: ReadonlyMap<string, Centre>,
  codeNames: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const take = (code: string, d: GazetteerPlace) => {
    out.set(code, d.id);
    taken.add(d.id);
  };
  for (const code of codes.keys()) {
    const same = sameCode(divisions, country, code);
    if (same) take(code, same);
  }
  const byName = new Map<string, GazetteerPlace[]>();
  for (const d of divisions)
    for (const key of new Set(d.names.map(nameKey))) byName.set(key, [...(byName.get(key) ?? []), d]);
  for (const code of codes.keys()) {
    const name = codeNames.get(`${country}.${code}`);
    const named = name === undefined || out.has(code) ? [] : (byName.get(nameKey(name)) ?? []);
    const free = named.filter((d) => !taken.has(d.id));
    if (free.length === 1 && free[0]) take(code, free[0]);
  }
  const placed = divisions.filter((d) => d.precision !== 'country');
  const pairs: [number, string, GazetteerPlace][] = [];
  for (const [code, c] of codes) {
    if (out.has(code)) continue;
    for (const d of placed) if (!taken.has(d.id)) pairs.push([distance2(c, d), code, d]);
  }
  pairs.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [, code, d] of pairs) if (!out.has(code) && !taken.has(d.id)) take(code, d);
  for (const [code, c] of codes) {
    if (out.has(code)) continue;
    const nearest = placed.reduce<GazetteerPlace | undefined>(
      (best, d) => (!best || distance2(c, d) < distance2(c, best) ? d : best),
      undefined,
    );
    if (nearest) out.set(code, nearest.id);
  }
  return out;
}

/** Words of a division's name that say what it is, not which: dropped to compare names. */
const KIND_WORDS = new Set(
  (
    'province provincia governorate oblast region state department prefecture voivodeship krai ' +
    'county district division canton emirate territory of the city municipality autonomous ' +
    'republic special administrative sar capital federal metropolitan'
  ).split(' '),
);

/**
 * A division's name as compared with GeoNames': folded, its kind words dropped, joined.
 *
 * @example nameKey('Hong Kong SAR') === nameKey('Hong Kong') // true
 */
export function nameKey(name: string): string {
  const words = foldName(name);
  const kept = words.filter((w) => !KIND_WORDS.has(w));
  return (kept.length > 0 ? kept : words).join('');
}

/** The division whose ISO code is GeoNames' code, where that code is letters ("TX"). */
function sameCode(divisions: readonly GazetteerPlace[], country: string, code: string) {
  if (!/^[A-Z]{2,3}$/.test(code)) return undefined;
  return divisions.find((d) => d.id === admin1Id(country, code));
}

/** Squared distance in degrees (longitude scaled) from a code's towns' centre to a division. */
function distance2(c: Centre, d: GazetteerPlace): number {
  const lat = c.lat / c.n;
  const lon = c.lon / c.n;
  return (d.lat - lat) ** 2 + ((d.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
}

/** A division's point this far from its own country's land was put in the wrong place. */
const MISPLACED_KM = 100;

/**
 * Moves every misplaced division point back into its country. `country-state-city` geocoded
 * its divisions by name, and some hundreds landed on a namesake abroad (a Chinese province in
 * Oklahoma, Cameroon's "East" in Asia). A point farther than MISPLACED_KM from the country's
 * land (`land`, see `countryLand`) is replaced by the most populous town of the division's
 * name in that country (the seat it is usually named after: "Ganja"), else by the country's
 * own point, marked `country` precision; a division whose country has no outline is kept.
 *
 * @example placeDivisions(divisions, countryLand(), cities, (cc) => countryPoint(cc))
 */
export function placeDivisions(
  divisions: readonly GazetteerPlace[],
  land: (country: string, lat: number, lon: number) => number | null,
  cities: readonly GeoNamesCity[],
  countryPoint: (country: string) => { readonly lat: number; readonly lon: number } | undefined,
): GazetteerPlace[] {
  const misplaced = divisions.filter((d) => (land(d.country, d.lat, d.lon) ?? 0) > MISPLACED_KM);
  if (misplaced.length === 0) return [...divisions];
  const wanted = new Set(
    misplaced.flatMap((d) => d.names.map((n) => `${d.country}|${foldName(n).join(' ')}`)),
  );
  const towns = new Map<string, GeoNamesCity>();
  for (const c of cities) {
    const key = `${c.country}|${foldName(c.name).join(' ')}`;
    const known = towns.get(key);
    if (wanted.has(key) && (!known || c.population > known.population)) towns.set(key, c);
  }
  const moved = new Map<string, GazetteerPlace>();
  for (const d of misplaced) {
    const town = d.names.map((n) => towns.get(`${d.country}|${foldName(n).join(' ')}`)).find((t) => t);
    const country = countryPoint(d.country);
    if (town) moved.set(d.id, { ...d, lat: town.lat, lon: town.lon });
    else if (country) moved.set(d.id, { ...d, lat: country.lat, lon: country.lon, precision: 'country' });
  }
  return divisions.map((d) => moved.get(d.id) ?? d);
}

/**
 * Gives each division left at its country's point (see `placeDivisions`) the centre of the towns
 * GeoNames puts in it, once codes are matched to divisions (by name, which needs no point):
 * Hunan gets the mean position of Hunan's towns rather than China's point. A division no town
 * is matched to keeps its country's point.
 *
 * @example centreByTowns(placeDivisions(...), cities, admin1Assigner(placed, cities, names))
 */
export function centreByTowns(
  divisions: readonly GazetteerPlace[],
  cities: readonly GeoNamesCity[],
  assign: (country: string, code: string) => string | null,
): GazetteerPlace[] {
  const unplaced = new Set(divisions.filter((d) => d.precision === 'country').map((d) => d.id));
  if (unplaced.size === 0) return [...divisions];
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const c of cities) {
    const id = c.admin1 === '' ? null : assign(c.country, c.admin1);
    if (id === null || !unplaced.has(id)) continue;
    const e = sums.get(id) ?? { lat: 0, lon: 0, n: 0 };
    sums.set(id, { lat: e.lat + c.lat, lon: e.lon + c.lon, n: e.n + 1 });
  }
  return divisions.map((d) => {
    const s = sums.get(d.id);
    return s ? { ...d, lat: s.lat / s.n, lon: s.lon / s.n, precision: 'region' } : d;
  });
}
