import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.js';

/** Review and right of reply: merged incidents remember where they went and where their reports
 * came from; parties' responses to incidents. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .addColumn('merged_into_id', 'integer', (c) => c.references('incidents.id'))
    .execute();
  await db.schema
    .alterTable('incident_reports')
    .addColumn('origin_incident_id', 'integer', (c) => c.references('incidents.id'))
    .execute();
  await addIdColumn(db, db.schema.createTable('party_responses'))
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('party_responses_incident')
    .on('party_responses')
    .column('incident_id')
    .execute();
  await db.schema.createIndex('statements_speaker').on('statements').column('speaker_actor_id').execute();
  await db.schema.createIndex('statements_said_on').on('statements').column('said_on').execute();
}
