import type { Kysely } from 'kysely';

/**
 * The incident list sorted by update time reads by keyset along (updated_at, id) (issue 20): with
 * no index it sorted every matching row to show one page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('incidents_updated').on('incidents').columns(['updated_at', 'id']).execute();
}
