import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * Search at 100,000 incidents (issues 16 and 20). SQLite: the FTS5 tables of migration 0013 built
 * again with prefix indexes of 2, 3 and 4 characters (0013 had 3 only): a short prefix (`ka*`)
 * otherwise merges the lists of every word it starts, whole, on every query. The triggers of 0013
 * stay (they name the tables, which keep their names and columns). Both databases: statements
 * found by their source and their report (a search's filters list the statements of the
 * incidents they leave). PostgreSQL: each indexed row says whether the public may see it (below).
 * The SQL is written out here, not imported, so this migration never
 * changes once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const { table, index, columns } of INDEXED) {
      await sql.raw(`drop table ${index}`).execute(db);
      await sql
        .raw(
          `create virtual table ${index} using fts5(${columns.join(', ')}, content='${table}', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')`,
        )
        .execute(db);
      await sql.raw(`insert into ${index} (${index}) values ('rebuild')`).execute(db);
    }
  }
  await db.schema.createIndex('statements_source').on('statements').column('source_id').execute();
  await db.schema.createIndex('statements_report').on('statements').column('report_id').execute();
  if (dialectOf(db) === 'postgres') for (const statement of PUBLISHED) await sql.raw(statement).execute(db);
}

/**
 * PostgreSQL: whether the public may see each indexed row, kept beside its document, so a public
 * search tests the row it already reads instead of joining three tables for every candidate. The
 * rule is the record's (`record/visibility.ts`): an incident confirmed or disputed; a source one
 * such incident rests on; a statement of no source or of such a source. Triggers keep it in step
 * with every write that can change it: an incident's status, a link made or undone, a report moved
 * to another source, a statement's source.
 */
const PUBLIC_STATUSES = `('confirmed', 'disputed')`;
const PUBLISHED: readonly string[] = [
  `alter table search_incidents add column published boolean not null default false`,
  `alter table search_sources add column published boolean not null default false`,
  `alter table search_statements add column published boolean not null default false`,
  `create function search_source_published(source integer) returns boolean language sql stable as $$
    select exists (
      select 1 from reports r
      join incident_reports l on l.report_id = r.id
      join incidents i on i.id = l.incident_id
      where r.source_id = source and i.status in ${PUBLIC_STATUSES})
  $$`,
  `create function search_publish_sources(sources integer[]) returns void language plpgsql as $$
  begin
    update search_sources d set published = search_source_published(d.id)
      where d.id = any(sources) and d.published is distinct from search_source_published(d.id);
    update search_statements d set published = search_source_published(s.source_id)
      from statements s
      where s.id = d.id and s.source_id = any(sources)
        and d.published is distinct from search_source_published(s.source_id);
  end $$`,
  `create function search_published_incident() returns trigger language plpgsql as $$
  begin
    update search_incidents set published = new.status in ${PUBLIC_STATUSES}
      where id = new.id and published is distinct from (new.status in ${PUBLIC_STATUSES});
    if tg_op = 'UPDATE' then
      perform search_publish_sources(array(
        select r.source_id from incident_reports l join reports r on r.id = l.report_id
        where l.incident_id = new.id and r.source_id is not null));
    end if;
    return new;
  end $$`,
  // Named to fire after search_incidents_sync (migration 0013), which adds the row.
  `create trigger search_incidents_visibility after insert or update of status on incidents
    for each row execute function search_published_incident()`,
  `create function search_published_link() returns trigger language plpgsql as $$
  begin
    perform search_publish_sources(array(
      select r.source_id from reports r
      where r.source_id is not null and r.id in (
        select (case when tg_op = 'INSERT' then null else old.report_id end)
        union select (case when tg_op = 'DELETE' then null else new.report_id end))));
    return null;
  end $$`,
  `create trigger search_links_visibility after insert or delete or update on incident_reports
    for each row execute function search_published_link()`,
  `create function search_published_report() returns trigger language plpgsql as $$
  begin
    perform search_publish_sources(array(
      select s from unnest(array[old.source_id, (case when tg_op = 'DELETE' then null else new.source_id end)]) s
      where s is not null));
    return null;
  end $$`,
  `create trigger search_reports_visibility after delete or update of source_id on reports
    for each row execute function search_published_report()`,
  `create function search_published_statement() returns trigger language plpgsql as $$
  begin
    update search_statements set published = (new.source_id is null or search_source_published(new.source_id))
      where id = new.id;
    return new;
  end $$`,
  // Named to fire after search_statements_sync (migration 0013), which adds the row.
  `create trigger search_statements_visibility after insert or update of source_id on statements
    for each row execute function search_published_statement()`,
  `update search_incidents d set published = true from incidents i
    where i.id = d.id and i.status in ${PUBLIC_STATUSES}`,
  `update search_sources d set published = true where search_source_published(d.id)`,
  `update search_statements d set published = true from statements s
    where s.id = d.id and (s.source_id is null or search_source_published(s.source_id))`,
];

const INDEXED = [
  {
    table: 'incidents',
    index: 'search_incidents',
    columns: ['title', 'summary', 'place_name', 'actor1', 'actor2'],
  },
  { table: 'sources', index: 'search_sources', columns: ['title', 'clean_text'] },
  { table: 'statements', index: 'search_statements', columns: ['speaker_name', 'text'] },
] as const;
