import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * Linking reports at a million incidents (issue 20). PostgreSQL: the functions of migration 0019
 * that keep the public flag of the search index in step ran as `language sql`, which PostgreSQL
 * plans again on every call; called per linked report, planning alone took 5–11 ms a link under
 * load, so seeding 100,000 incidents took over a quarter of an hour. As plpgsql they plan once
 * per connection; the link trigger also looks its report up by id instead of matching it in a
 * union. Same rule, same answers. SQLite has no such functions: nothing to do there. The SQL is
 * written out here, not imported, so this migration never changes once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS: readonly string[] = [
  `create or replace function search_source_published(source integer) returns boolean language plpgsql stable as $$
  begin
    return exists (
      select 1 from reports r
      join incident_reports l on l.report_id = r.id
      join incidents i on i.id = l.incident_id
      where r.source_id = source and i.status in ('confirmed', 'disputed'));
  end $$`,
  `create or replace function search_published_link() returns trigger language plpgsql as $$
  begin
    if tg_op <> 'INSERT' then
      perform search_publish_sources(array(
        select r.source_id from reports r where r.id = old.report_id and r.source_id is not null));
    end if;
    if tg_op <> 'DELETE' then
      perform search_publish_sources(array(
        select r.source_id from reports r where r.id = new.report_id and r.source_id is not null));
    end if;
    return null;
  end $$`,
];
