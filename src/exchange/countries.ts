/** Countries Truce exports by name, ISO 3166 numeric code and ACLED region. Extend with the theatre. */
export interface Country {
  readonly alpha2: string;
  readonly name: string;
  readonly numeric: number;
  readonly region: string;
  readonly adjective: string;
}

const CAUCASUS = 'Caucasus and Central Asia';

export const COUNTRIES: readonly Country[] = [
  { alpha2: 'AM', name: 'Armenia', numeric: 51, region: CAUCASUS, adjective: 'Armenian' },
  { alpha2: 'AZ', name: 'Azerbaijan', numeric: 31, region: CAUCASUS, adjective: 'Azerbaijani' },
  { alpha2: 'GE', name: 'Georgia', numeric: 268, region: CAUCASUS, adjective: 'Georgian' },
  { alpha2: 'RU', name: 'Russia', numeric: 643, region: 'Europe', adjective: 'Russian' },
  { alpha2: 'TR', name: 'Turkey', numeric: 792, region: 'Middle East', adjective: 'Turkish' },
  { alpha2: 'IR', name: 'Iran', numeric: 364, region: 'Middle East', adjective: 'Iranian' },
  { alpha2: 'UA', name: 'Ukraine', numeric: 804, region: 'Europe', adjective: 'Ukrainian' },
  { alpha2: 'SY', name: 'Syria', numeric: 760, region: 'Middle East', adjective: 'Syrian' },
  { alpha2: 'KZ', name: 'Kazakhstan', numeric: 398, region: CAUCASUS, adjective: 'Kazakh' },
  { alpha2: 'FR', name: 'France', numeric: 250, region: 'Europe', adjective: 'French' },
  { alpha2: 'US', name: 'United States', numeric: 840, region: 'North America', adjective: 'American' },
];

const byAlpha2 = new Map(COUNTRIES.map((c) => [c.alpha2, c]));

/** @example countryByCode('AZ')?.numeric // 31 */
export const countryByCode = (alpha2: string | null): Country | undefined =>
  alpha2 === null ? undefined : byAlpha2.get(alpha2.toUpperCase());

/** @example countryByNameOrNumber('Armenia', '51')?.alpha2 // 'AM' */
export function countryByNameOrNumber(name: string, numeric: string): Country | undefined {
  const key = name.trim().toLowerCase();
  return (
    COUNTRIES.find((c) => c.name.toLowerCase() === key) ??
    COUNTRIES.find((c) => String(c.numeric) === numeric.trim())
  );
}

const ACTOR_PATTERNS = COUNTRIES.map((c) => ({
  country: c,
  pattern: new RegExp(`\\b(?:${c.name}|${c.adjective})\\b`, 'i'),
}));

/** The country an actor's name belongs to ("Military Forces of Armenia", "Azerbaijani army"). */
export function countryOfActor(actor: string): Country | undefined {
  return ACTOR_PATTERNS.find(({ pattern }) => pattern.test(actor))?.country;
}
