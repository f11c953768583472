import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import acledRegions from './data/acled-regions.json' with { type: 'json' };
import pressNames from './data/press-names.json' with { type: 'json' };

/** One country of the world base: its codes, the names the press gives it, its people, its ACLED region. */
export interface Country {
  /** ISO 3166-1 alpha-2, upper case: the party code of the state. */
  readonly alpha2: string;
  readonly alpha3: string;
  /** ISO 3166-1 numeric, as ACLED's `iso` column writes it (no leading zeros). */
  readonly numeric: number;
  /** English short name ("Mali", "Syria"). */
  readonly name: string;
  /** Every English name and variant, the short name first ("Republic of Mali", "Mali"). */
  readonly names: readonly string[];
  /** English demonyms and adjectives ("Malian"). */
  readonly demonyms: readonly string[];
  /** ACLED's region ("Caucasus and Central Asia"). */
  readonly region: string;
  readonly lat: number;
  readonly lon: number;
}

/** The fields of `world-countries` Truce reads; the rest of the package is ignored. */
const SourceCountry = z.object({
  name: z.object({ common: z.string(), official: z.string() }),
  cca2: z.string().length(2),
  cca3: z.string().length(3),
  ccn3: z.string(),
  altSpellings: z.array(z.string()),
  subregion: z.string(),
  latlng: z.array(z.number()),
  demonyms: z
    .object({ eng: z.object({ f: z.string(), m: z.string() }) })
    .partial()
    .optional(),
});
type SourceCountry = z.infer<typeof SourceCountry>;

/**
 * Names and demonyms the press uses that the package does not list (short forms that drop an
 * article or a qualifier, "Azeri"-like adjectives): data, kept beside the package's own.
 */
const PressNames = z.object({
  names: z.record(z.string(), z.array(z.string())),
  demonyms: z.record(z.string(), z.array(z.string())),
});
const press = PressNames.parse(pressNames);
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = press.names;
const EXTRA_DEMONYMS: Readonly<Record<string, readonly string[]>> = press.demonyms;

const RegionTable = z.object({
  bySubregion: z.record(z.string(), z.string()),
  byCountry: z.record(z.string(), z.string()),
});

let cached: WorldCountries | undefined;

export interface WorldCountries {
  readonly all: readonly Country[];
  readonly byAlpha2: ReadonlyMap<string, Country>;
  readonly byAlpha3: ReadonlyMap<string, Country>;
  readonly byNumeric: ReadonlyMap<number, Country>;
  /** Folded (lower-case) name, variant or demonym to its country. */
  readonly byName: ReadonlyMap<string, Country>;
  /** Each demonym as written to the one country it names; a demonym two countries share equally is left out. */
  readonly demonymOwners: ReadonlyMap<string, Country>;
}

/**
 * Every country of the world (from the `world-countries` package, ODbL), read once per process.
 *
 * @example worldCountries().byAlpha2.get('SD')?.region // 'Northern Africa'
 */
export function worldCountries(): WorldCountries {
  cached ??= indexCountries(readSourceCountries().map(toCountry));
  return cached;
}

function readSourceCountries(): SourceCountry[] {
  const path = createRequire(import.meta.url).resolve('world-countries/countries.json');
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return z.array(SourceCountry.passthrough()).parse(parsed);
}

const regions = RegionTable.parse(acledRegions);

function toCountry(source: SourceCountry): Country {
  const alpha2 = source.cca2.toUpperCase();
  const latin = (s: string) => /^[\p{Script=Latin}\p{N}\s.'’()-]+$/u.test(s) && s.length > 2;
  const names = unique([
    source.name.common,
    ...(EXTRA_NAMES[alpha2] ?? []),
    source.name.official,
    ...source.altSpellings.filter(latin),
  ]);
  const eng = source.demonyms?.eng;
  return {
    alpha2,
    alpha3: source.cca3.toUpperCase(),
    numeric: Number.parseInt(source.ccn3, 10),
    name: source.name.common,
    names,
    demonyms: unique([...(eng ? [eng.m, eng.f] : []), ...(EXTRA_DEMONYMS[alpha2] ?? [])].filter(Boolean)),
    region: regions.byCountry[alpha2] ?? regions.bySubregion[source.subregion] ?? '',
    lat: source.latlng[0] ?? 0,
    lon: source.latlng[1] ?? 0,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

function indexCountries(all: Country[]): WorldCountries {
  const byName = new Map<string, Country>();
  // Short names first so a name two countries share ("Congo") goes to the one that bears it.
  for (const pass of ['name', 'names'] as const)
    for (const c of all)
      for (const n of pass === 'name' ? [c.name] : c[pass]) {
        const key = n.toLowerCase();
        if (!byName.has(key)) byName.set(key, c);
      }
  const demonymOwners = ownersOfDemonyms(all);
  for (const [demonym, c] of demonymOwners)
    if (!byName.has(demonym.toLowerCase())) byName.set(demonym.toLowerCase(), c);
  return {
    all,
    byAlpha2: new Map(all.map((c) => [c.alpha2, c])),
    byAlpha3: new Map(all.map((c) => [c.alpha3, c])),
    byNumeric: new Map(all.filter((c) => Number.isFinite(c.numeric)).map((c) => [c.numeric, c])),
    byName,
    demonymOwners,
  };
}

/**
 * A country by alpha-2 or alpha-3 code, any case.
 *
 * @example countryByCode('arm')?.alpha2 // 'AM'
 */
export function countryByCode(code: string | null | undefined): Country | undefined {
  if (!code) return undefined;
  const key = code.trim().toUpperCase();
  const world = worldCountries();
  return key.length === 2 ? world.byAlpha2.get(key) : world.byAlpha3.get(key);
}

/**
 * A country by one of its names, variants or demonyms, any case.
 *
 * @example countryByName('Congolese')?.alpha2 // 'CD'
 */
export function countryByName(name: string): Country | undefined {
  return worldCountries().byName.get(name.trim().toLowerCase());
}

/** @example countryByNameOrNumber('Mali', '466')?.alpha2 // 'ML' */
export function countryByNameOrNumber(name: string, numeric: string): Country | undefined {
  const n = Number.parseInt(numeric.trim(), 10);
  return countryByName(name) ?? (Number.isFinite(n) ? worldCountries().byNumeric.get(n) : undefined);
}

/**
 * The country each demonym names. A demonym several countries list goes to the one whose name it
 * is made from ("American": the name "America" of the United States, not the Northern Mariana
 * Islands), and to none on a tie — never to whichever comes first in a list.
 */
function ownersOfDemonyms(all: readonly Country[]): Map<string, Country> {
  const owners = new Map<string, { country: Country; fit: number }[]>();
  for (const c of all)
    for (const d of c.demonyms) {
      const fit = commonFit(d, c.name) || Math.max(...c.names.map((n) => nameFit(d, n)));
      owners.set(d, [...(owners.get(d) ?? []), { country: c, fit }]);
    }
  const out = new Map<string, Country>();
  for (const [demonym, list] of owners) {
    const [best, next] = [...list].sort((x, y) => y.fit - x.fit);
    if (best && (!next || next.fit < best.fit)) out.set(demonym, best.country);
  }
  return out;
}

/** 2 when the demonym is made from the country's one-word common name ("India" → "Indian"). */
function commonFit(demonym: string, name: string): number {
  return !name.includes(' ') && demonym.toLowerCase().startsWith(name.toLowerCase().slice(0, 4)) ? 2 : 0;
}

/** 1 when a name holds the demonym as a word or a word sharing its first five letters ("America"). */
function nameFit(demonym: string, name: string): number {
  const d = demonym.toLowerCase();
  const words = name.toLowerCase().split(/[\s,()-]+/);
  return words.some((w) => w === d || (w.length >= 4 && w.slice(0, 5) === d.slice(0, 5))) ? 1 : 0;
}
