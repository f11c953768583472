import type { Kysely } from 'kysely';

/** Feed entries that failed keep their reason (`outcome`), how often they were tried, when to try
 * again, and the entry itself (title, text, date), so a retry needs no new copy of the feed — a
 * 304 does not stop it. Operational columns, like the rest of `feed_items`. */
export async function up(db: Kysely<unknown>): Promise<void> {
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
