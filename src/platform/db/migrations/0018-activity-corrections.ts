import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.js';

/**
 * Corrections of a filed day's activity (issue 16): a monitor or analyst who corrects a day
 * changes its `mission_activity` row, and the figures it held before are kept here, one row per
 * correction, with who corrected it, when and why, so the page and the API show the old value
 * beside the new. An audited table, like the row it corrects.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('mission_activity_corrections'))
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('mission_activity.id'))
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mission_activity_corrections_activity')
    .on('mission_activity_corrections')
    .columns(['activity_id', 'id'])
    .execute();
}
