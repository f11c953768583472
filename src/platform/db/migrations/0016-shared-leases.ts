import type { Kysely } from 'kysely';

/**
 * State that several processes on one database must share and that is not part of the record:
 * `leases` (one row per named lock — a feed being polled, the demo being loaded — held by one
 * holder until it is released or `expires_at` passes, so a process that dies frees it), and an
 * index on `rate_limits.window_ends_at` so the sweep of ended windows does not scan the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_window_ends_at')
    .on('rate_limits')
    .column('window_ends_at')
    .execute();
}
