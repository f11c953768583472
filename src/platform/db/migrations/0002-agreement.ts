import { sql, type Kysely } from 'kysely';
import { addIdColumn, columnTypes } from '../dialect.js';

/** Agreements held against the record: amendments, status history with evidence, incident links;
 * the mission's units, observation posts and daily activity. Shapes are written out here, not
 * imported, so this migration never changes once landed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const table = (name: string) => addIdColumn(db, db.schema.createTable(name));

  await db.schema.alterTable('agreements').addColumn('effective_at', 'text').execute();
  await db.schema.alterTable('commitments').addColumn('title', 'text').execute();
  await db.schema.alterTable('commitments').addColumn('term', 'text').execute();
  await db.schema.alterTable('commitments').addColumn('monitors', 'text').execute();

  await table('commitment_amendments')
    .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('previous_deadline', 'text')
    .addColumn('previous_tz', 'text')
    .addColumn('previous_inclusive', 'integer')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('deadline_tz', 'text', (c) => c.notNull())
    .addColumn('deadline_inclusive', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('amendments_commitment')
    .on('commitment_amendments')
    .column('commitment_id')
    .execute();

  await table('commitment_status_history')
    .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addCheckConstraint('status_history_score', sql`score >= 0 and score <= 3`)
    .execute();
  await db.schema
    .createIndex('status_history_commitment')
    .on('commitment_status_history')
    .columns(['commitment_id', 'as_of'])
    .execute();

  await table('incident_commitments')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_commitments_unique', ['incident_id', 'commitment_id'])
    .execute();
  await db.schema
    .createIndex('incident_commitments_commitment')
    .on('incident_commitments')
    .column('commitment_id')
    .execute();

  await table('mission_units')
    .addColumn('mission_id', 'integer', (c) => c.notNull().references('missions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('personnel', 'integer')
    .addColumn('base', 'text')
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .execute();

  await table('observation_posts')
    .addColumn('mission_id', 'integer', (c) => c.notNull().references('missions.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text')
    .addColumn('lat', t.real, (c) => c.notNull())
    .addColumn('lon', t.real, (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addUniqueConstraint('observation_posts_code', ['mission_id', 'code'])
    .execute();

  await table('mission_activity')
    .addColumn('mission_id', 'integer', (c) => c.notNull().references('missions.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('personnel', 'integer')
    .addColumn('armoured_vehicles', 'integer')
    .addColumn('other_vehicles', 'integer')
    .addColumn('observation_posts', 'integer')
    .addColumn('patrols', 'integer', (c) => c.notNull())
    .addColumn('patrol_areas', 'text', (c) => c.notNull())
    .addColumn('escort_corridor', 'text')
    .addColumn('escort_vehicles', 'integer', (c) => c.notNull())
    .addColumn('escort_people', 'integer', (c) => c.notNull())
    .addColumn('returned', 'integer', (c) => c.notNull())
    .addColumn('demined_hectares', t.real, (c) => c.notNull())
    .addColumn('demined_road_km', t.real, (c) => c.notNull())
    .addColumn('demined_buildings', 'integer', (c) => c.notNull())
    .addColumn('explosive_items', 'integer', (c) => c.notNull())
    .addColumn('humanitarian_tonnes', t.real, (c) => c.notNull())
    .addColumn('violations_recorded', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mission_activity_day', ['mission_id', 'day'])
    .execute();
}
