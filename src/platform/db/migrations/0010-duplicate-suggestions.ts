import type { Kysely } from 'kysely';
import { addIdColumn, columnTypes } from '../dialect.js';

/**
 * Possible duplicates: when a report scores between the merge's "new incident" and "join"
 * thresholds against an incident, it opens its own incident and a suggestion links the two, with
 * the score and the explanation, for an analyst to merge or dismiss. One row per pair (a dismissed
 * pair is never suggested again); an audited table, so who merged or dismissed what, and why, is
 * in the chain. The pair is stored newer incident first (`incident_id` > `candidate_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('duplicate_suggestions'))
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('score', columnTypes(db).real, (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('reason', 'text')
    .addUniqueConstraint('duplicate_suggestions_pair', ['incident_id', 'candidate_id'])
    .execute();
  await db.schema
    .createIndex('duplicate_suggestions_status')
    .on('duplicate_suggestions')
    .columns(['status', 'id'])
    .execute();
}
