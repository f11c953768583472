import { sql, type Kysely } from 'kysely';
import { addIdColumn, columnTypes } from '../dialect.js';

/** The record of design.md: sources, spans, reports, incidents, figures, statements, actors, places,
 * agreements, commitments, missions, users, and the audit chain. Shapes are written out here, not
 * imported, so this migration never changes once landed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const table = (name: string) => addIdColumn(db, db.schema.createTable(name));

  await table('sources')
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('publisher', 'text')
    .addColumn('title', 'text')
    .addColumn('published_at', 'text')
    .addColumn('retrieved_at', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('content_type', 'text')
    .addColumn('raw', t.blob, (c) => c.notNull())
    .addColumn('raw_sha256', 'text', (c) => c.notNull().unique())
    .addColumn('clean_text', 'text', (c) => c.notNull())
    .addColumn('clean_sha256', 'text', (c) => c.notNull())
    .addColumn('extractor', 'text')
    .addColumn('extractor_version', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('previous_version_id', 'integer', (c) => c.references('sources.id'))
    .execute();
  await db.schema.createIndex('sources_canonical_url').on('sources').column('canonical_url').execute();

  await table('spans')
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id'))
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addCheckConstraint('spans_ordered', sql`"start" >= 0 and "end" >= "start"`)
    .execute();
  await db.schema.createIndex('spans_source').on('spans').column('source_id').execute();

  await table('places')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('places.id'))
    .addColumn('lat', t.real)
    .addColumn('lon', t.real)
    .addColumn('geometry', 'text')
    .execute();
  await table('place_names')
    .addColumn('place_id', 'integer', (c) => c.notNull().references('places.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('used_by', 'text')
    .addColumn('language', 'text')
    .addUniqueConstraint('place_names_unique', ['place_id', 'name_key', 'used_by'])
    .execute();
  await db.schema.createIndex('place_names_key').on('place_names').column('name_key').execute();

  await table('reports')
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_kind', 'text')
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('place_id', 'integer', (c) => c.references('places.id'))
    .addColumn('lat', t.real)
    .addColumn('lon', t.real)
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_source').on('reports').column('source_id').execute();
  await db.schema.createIndex('reports_date').on('reports').columns(['date_start', 'date_end']).execute();

  await table('incidents')
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('acled_event_type', 'text', (c) => c.notNull())
    .addColumn('acled_sub_event_type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('date_start', 'text', (c) => c.notNull())
    .addColumn('date_end', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('place_id', 'integer', (c) => c.references('places.id'))
    .addColumn('place_name', 'text')
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('lat', t.real)
    .addColumn('lon', t.real)
    .addColumn('geo_precision', 'text')
    .addColumn('actor1', 'text')
    .addColumn('actor2', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incidents_kind_date_geo')
    .on('incidents')
    .columns(['kind', 'date_start', 'lon', 'lat'])
    .execute();
  await db.schema.createIndex('incidents_date').on('incidents').columns(['date_start', 'id']).execute();
  await db.schema.createIndex('incidents_geo').on('incidents').columns(['lon', 'lat']).execute();
  await db.schema.createIndex('incidents_status').on('incidents').column('status').execute();

  await table('incident_reports')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('score', t.real)
    .addColumn('explanation', 'text')
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_reports_unique', ['incident_id', 'report_id'])
    .execute();
  await db.schema.createIndex('incident_reports_report').on('incident_reports').column('report_id').execute();

  await table('casualty_figures')
    .addColumn('incident_id', 'integer', (c) => c.references('incidents.id'))
    .addColumn('report_id', 'integer', (c) => c.references('reports.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('population', 'text', (c) => c.notNull())
    .addColumn('low', 'integer')
    .addColumn('best', 'integer')
    .addColumn('high', 'integer')
    .addColumn('qualifier', 'text', (c) => c.notNull())
    .addColumn('claimant', 'text')
    .addColumn('span_id', 'integer', (c) => c.references('spans.id'))
    .addColumn('as_of', 'text')
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint(
      'casualty_order',
      sql`(low is null or best is null or low <= best) and (best is null or high is null or best <= high) and (low is null or high is null or low <= high)`,
    )
    .execute();
  await db.schema.createIndex('casualty_incident').on('casualty_figures').column('incident_id').execute();

  await table('actors')
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('country', 'text')
    .execute();
  await table('actor_aliases')
    .addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull().unique())
    .execute();

  await table('statements')
    .addColumn('report_id', 'integer', (c) => c.references('reports.id'))
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('speaker_name', 'text', (c) => c.notNull())
    .addColumn('speaker_actor_id', 'integer', (c) => c.references('actors.id'))
    .addColumn('office', 'text')
    .addColumn('said_on', 'text')
    .addColumn('direct', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('span_id', 'integer', (c) => c.references('spans.id'))
    .addColumn('asserts', 'text')
    .execute();

  await table('agreements')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('timezone', 'text')
    .addColumn('parties', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .execute();
  await table('commitments')
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('obligors', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('deadline_tz', 'text')
    .addColumn('deadline_inclusive', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addUniqueConstraint('commitments_clause', ['agreement_id', 'clause'])
    .execute();
  await table('missions')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'integer', (c) => c.references('agreements.id'))
    .addColumn('mandate', 'text', (c) => c.notNull())
    .execute();

  await table('users')
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_entries')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('reason', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_entity')
    .on('audit_entries')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
}
