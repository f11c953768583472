import type { Kysely } from 'kysely';

/** ACLED's own coding of an imported incident, kept on the incident as the file gave it (empty and
 * `NA` as null), so that an ACLED export writes it back unchanged; audited with the incident.
 * Named as ACLED names them, after `acled_event_type` / `acled_sub_event_type`.
 *
 * And, for the same exchange work, feed entries that failed keep their reason (`outcome`), how
 * often they were tried, when to try again, and the entry itself (title, text, date), so a retry
 * needs no new copy of the feed — a 304 does not stop it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of KEPT)
    await db.schema.alterTable('incidents').addColumn(`acled_${column}`, 'text').execute();
  await db.schema
    .alterTable('feed_items')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('feed_items').addColumn('retry_at', 'text').execute();
  await db.schema.alterTable('feed_items').addColumn('entry', 'text').execute();
  await db.schema
    .createIndex('feed_items_retry')
    .on('feed_items')
    .columns(['feed_id', 'state', 'retry_at'])
    .execute();
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
