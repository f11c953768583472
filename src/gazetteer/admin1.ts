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
 * Which division each GeoNames admin1 code of a country stands for. GeoNames' codes are ISO's
 * where both are letters ("TX"); elsewhere ("05" for an oblast) the division whose centre is
 * nearest the centre of the code's towns is taken — a best guess, right for most countries.
 *
 * @example admin1Assigner(states, cities)('US', 'TX') // 'admin1:us-tx'
 */
export function admin1Assigner(
  divisions: readonly GazetteerPlace[],
  cities: readonly GeoNamesCity[],
): (country: string, code: string) => string | null {
  const byCountry = new Map<string, GazetteerPlace[]>();
  for (const d of divisions) {
    const list = byCountry.get(d.country);
    if (list) list.push(d);
    else byCountry.set(d.country, [d]);
  }
  const centres = new Map<string, { lat: number; lon: number; n: number }>();
  for (const c of cities) {
    const key = `${c.country}.${c.admin1}`;
    const e = centres.get(key) ?? { lat: 0, lon: 0, n: 0 };
    centres.set(key, { lat: e.lat + c.lat, lon: e.lon + c.lon, n: e.n + 1 });
  }
  const memo = new Map<string, string | null>();
  return (country, code) => {
    const key = `${country}.${code}`;
    if (!memo.has(key)) memo.set(key, assign(byCountry.get(country) ?? [], country, code, centres.get(key)));
    return memo.get(key) ?? null;
  };
}

function assign(
  divisions: readonly GazetteerPlace[],
  country: string,
  code: string,
  centre: { lat: number; lon: number; n: number } | undefined,
): string | null {
  if (code === '' || divisions.length === 0) return null;
  if (/^[A-Z]{2,3}$/.test(code)) {
    const same = divisions.find((d) => d.id === admin1Id(country, code));
    if (same) return same.id;
  }
  if (!centre) return null;
  const lat = centre.lat / centre.n;
  const lon = centre.lon / centre.n;
  let best: GazetteerPlace | undefined;
  let bestD = Infinity;
  for (const d of divisions) {
    // A division whose own point is unknown (placed at its country's) cannot be matched by place.
    if (d.precision === 'country') continue;
    const dist = (d.lat - lat) ** 2 + ((d.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (dist < bestD) [best, bestD] = [d, dist];
  }
  return best?.id ?? null;
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
