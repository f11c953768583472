import { foldName } from '../extract/text/fold.js';
import type { GazetteerPlace } from './gazetteer.js';

/** A GeoNames second-level division: its code ("US.KY.169") and its name ("Metcalfe County"). */
export interface Admin2Row {
  readonly code: string;
  readonly name: string;
}

/** A town filed under its second-level division's code, with its point. */
export interface Admin2Town {
  readonly country: string;
  readonly admin1: string;
  readonly admin2: string;
  readonly lat: number;
  readonly lon: number;
}

/**
 * The last words that make a second-level division's name unmistakable in English text: a
 * capitalised "Metcalfe County" or "Orleans Parish" names the division, where "Metcalfe" alone
 * may be anything.
 */
const KIND_WORDS = new Set(['county', 'parish', 'borough']);
const MAX_NAME_WORDS = 6;

/**
 * Phenomenon: news names US counties, Louisiana's parishes and the like by their full name
 * ("Metcalfe County"), which no town list holds. Each GeoNames second-level division whose name
 * is several words ending in such a kind word becomes a place of precision `district`, its
 * point the centre of the towns GeoNames files under its code, its parent the first-level
 * division `admin1Of` gives (a division without towns is left out: its point is unknown).
 *
 * @example countyPlaces([{ code: 'US.KY.169', name: 'Metcalfe County' }], towns, admin1Of)[0]?.parent // 'admin1:us-ky'
 */
export function countyPlaces(
  rows: readonly Admin2Row[],
  towns: readonly Admin2Town[],
  admin1Of: (country: string, code: string) => string | null,
): GazetteerPlace[] {
  const sums = admin2Centres(towns);
  const out: GazetteerPlace[] = [];
  for (const row of rows) {
    const words = row.name.trim().split(/\s+/);
    const kind = words[words.length - 1]?.toLowerCase() ?? '';
    if (words.length < 2 || words.length > MAX_NAME_WORDS || !KIND_WORDS.has(kind)) continue;
    const [country = '', admin1 = '', admin2] = row.code.split('.');
    const s = sums.get(row.code);
    if (!s || admin2 === undefined || !/^[A-Z]{2}$/.test(country)) continue;
    out.push({
      id: `admin2:${row.code.toLowerCase().replace(/\./g, '-')}`,
      name: row.name,
      names: [row.name],
      kind: 'region',
      country,
      parent: admin1Of(country, admin1) ?? country.toLowerCase(),
      lat: s.lat,
      lon: s.lon,
      precision: 'district',
      feature: 'ADM2',
    });
  }
  return out;
}

/** The centre of each second-level division's towns, by its full code ("US.KY.169"). */
function admin2Centres(towns: readonly Admin2Town[]): Map<string, { lat: number; lon: number }> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const t of towns) {
    if (t.admin2 === '') continue;
    const key = `${t.country}.${t.admin1}.${t.admin2}`;
    const s = sums.get(key) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += t.lat;
    s.lon += t.lon;
    s.n++;
    sums.set(key, s);
  }
  return new Map([...sums].map(([k, s]) => [k, { lat: s.lat / s.n, lon: s.lon / s.n }]));
}

/**
 * Phenomenon: some countries' first-level divisions in `country-state-city` (England's counties:
 * Kent, Norfolk) are GeoNames' second-level ones, so no town is filed under them and they sit at
 * their country's point. Each such division (precision `country`) whose name, without a leading
 * "City of", is the name of one second-level division of its country takes the centre of that
 * division's towns, precision `region`.
 *
 * @example placedByAdmin2([kent], [{ code: 'GB.ENG.G5', name: 'Kent' }], towns)[0]?.precision // 'region'
 */
export function placedByAdmin2(
  divisions: readonly GazetteerPlace[],
  rows: readonly Admin2Row[],
  towns: readonly Admin2Town[],
): GazetteerPlace[] {
  const centres = admin2Centres(towns);
  const key = (country: string, name: string) =>
    `${country} ${foldName(name.replace(/^City of /i, '')).join(' ')}`;
  const byName = new Map<string, { lat: number; lon: number }[]>();
  for (const row of rows) {
    const centre = centres.get(row.code);
    const country = row.code.split('.')[0] ?? '';
    if (!centre) continue;
    const k = key(country, row.name);
    byName.set(k, [...(byName.get(k) ?? []), centre]);
  }
  return divisions.map((d) => {
    if (d.precision !== 'country') return d;
    const found = byName.get(key(d.country, d.name));
    const centre = found?.length === 1 ? found[0] : undefined;
    return centre ? { ...d, lat: centre.lat, lon: centre.lon, precision: 'region' } : d;
  });
}
