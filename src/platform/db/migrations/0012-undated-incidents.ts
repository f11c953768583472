import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/** An incident whose reports give no date keeps none (issue 12, "Dates"): `date_start` and
 * `date_end` of `incidents` may be null, with `date_precision` `unknown`. Before, such an incident
 * took the day its article was read, which says nothing of the event.
 *
 * PostgreSQL drops the constraints in place. SQLite cannot change a column, so the table is
 * rebuilt the way its documentation gives (a new table from the stored definition without the two
 * NOT NULLs, rows copied, the old one dropped, the new one renamed, its indexes made again); the
 * migration run has foreign keys off while it does so and checks them before committing
 * (`migrateToLatest`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const column of ['date_start', 'date_end'])
      await db.schema
        .alterTable('incidents')
        .alterColumn(column, (c) => c.dropNotNull())
        .execute();
    return;
  }
  const stored = async (type: string) =>
    (
      await sql<{ sql: string }>`select sql from sqlite_master
        where type = ${type} and tbl_name = 'incidents' and sql is not null`.execute(db)
    ).rows.map((r) => r.sql);
  const [definition] = await stored('table');
  if (definition === undefined) throw new Error('0012: table incidents not found');
  const indexes = await stored('index');
  let rebuilt = definition.replace(/^create table "?incidents"?/i, 'create table "incidents_0012"');
  for (const column of ['date_start', 'date_end']) {
    const notNull = new RegExp(`("${column}"\\s+text)\\s+not null`, 'i');
    if (!notNull.test(rebuilt)) throw new Error(`0012: incidents.${column} is not "text not null"`);
    rebuilt = rebuilt.replace(notNull, '$1');
  }
  const { rows: sequence } = await sql<{ seq: number }>`
    select seq from sqlite_sequence where name = 'incidents'`.execute(db);
  await sql.raw(rebuilt).execute(db);
  await sql`insert into incidents_0012 select * from incidents`.execute(db);
  await sql`drop table incidents`.execute(db);
  await sql`alter table incidents_0012 rename to incidents`.execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
  // Ids are never reused: the counter keeps the old table's, even past rows since deleted.
  const seq = sequence[0]?.seq;
  if (seq === undefined) return;
  const { rows: now } = await sql<{ seq: number }>`
    select seq from sqlite_sequence where name = 'incidents'`.execute(db);
  await sql`delete from sqlite_sequence where name = 'incidents'`.execute(db);
  await sql`insert into sqlite_sequence (name, seq) values ('incidents', ${Math.max(seq, now[0]?.seq ?? 0)})`.execute(
    db,
  );
}
