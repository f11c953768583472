import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.js';

/** News feeds polled on a schedule and the items each has given. These are operational tables, not
 * part of the record: what a feed item becomes (its source, reports, incidents) is written through
 * the audited ingest path. The unique (feed_id, item_key) pair is how several workers agree that an
 * item is taken: the first insert wins, every other gets a unique violation. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('feeds'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('last_polled_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_ingested', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('feeds_due').on('feeds').columns(['enabled', 'next_poll_at']).execute();

  await addIdColumn(db, db.schema.createTable('feed_items'))
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('outcome', 'text')
    .addUniqueConstraint('feed_items_unique', ['feed_id', 'item_key'])
    .execute();
}
