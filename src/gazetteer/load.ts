import conflictPlaces from './data/conflict-places.json' with { type: 'json' };
import { buildGazetteer, GazetteerFile, type Gazetteer } from './gazetteer.js';

let cached: Gazetteer | undefined;

/**
 * The gazetteer shipped with Truce, parsed and indexed once per process.
 *
 * @example defaultGazetteer().byId.get('az-shusha')?.names // ['Shusha', 'Shushi', …]
 */
export function defaultGazetteer(): Gazetteer {
  cached ??= buildGazetteer(GazetteerFile.parse(conflictPlaces).places);
  return cached;
}
