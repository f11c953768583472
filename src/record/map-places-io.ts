import { defaultGazetteer } from '../gazetteer/load.js';
import type { Theatre } from '../theatre/theatre.js';
import { buildLabelTable, type LabelTable } from './map-places.js';

const tables = new WeakMap<Theatre, LabelTable>();

/** The label table of a theatre, built on first use from the towns its gazetteer has loaded. */
export function labelTableOf(theatre: Theatre): LabelTable {
  let table = tables.get(theatre);
  if (!table) {
    table = buildLabelTable(defaultGazetteer(theatre).towns.everyTown(), theatre.places);
    tables.set(theatre, table);
  }
  return table;
}
