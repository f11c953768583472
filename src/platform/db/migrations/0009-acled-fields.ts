import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.js';

/** ACLED's own coding of an imported incident, kept as the file gave it (empty and `NA` as null),
 * so that an ACLED export writes it back unchanged: one row per incident, audited like the
 * incident itself. Columns are named as ACLED names them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  let table = addIdColumn(db, db.schema.createTable('incident_acled')).addColumn(
    'incident_id',
    'integer',
    (c) => c.notNull().unique().references('incidents.id'),
  );
  for (const column of KEPT) table = table.addColumn(column, 'text');
  await table.execute();
}

// Written out here, not imported: a migration must not change when the code's list does.
const KEPT = [
  'disorder_type',
  'assoc_actor_1',
  'inter1',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'source_scale',
  'tags',
  'timestamp',
] as const;
