import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * Full-text search (issue 16): an index over incidents (title, summary, place, actors), sources
 * (title, clean text) and statements (speaker, text), kept in step with every insert, update and
 * delete by triggers, and filled here from the rows already stored. SQLite: FTS5 tables over the
 * rows themselves (external content), tokenized by unicode61 with diacritics removed. PostgreSQL:
 * one tsvector per row in a side table with a GIN index, under the 'simple' configuration (no
 * stemming: the record is multilingual). The SQL is written out here, not imported, so this
 * migration never changes once landed; queries are in `search-dialect.ts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = dialectOf(db) === 'postgres' ? postgres() : sqlite();
  for (const statement of statements) await sql.raw(statement).execute(db);
}

interface Indexed {
  readonly table: string;
  readonly index: string;
  readonly columns: readonly string[];
}

const INDEXED: readonly Indexed[] = [
  {
    table: 'incidents',
    index: 'search_incidents',
    columns: ['title', 'summary', 'place_name', 'actor1', 'actor2'],
  },
  { table: 'sources', index: 'search_sources', columns: ['title', 'clean_text'] },
  { table: 'statements', index: 'search_statements', columns: ['speaker_name', 'text'] },
];

function sqlite(): string[] {
  return INDEXED.flatMap(({ table, index, columns }) => {
    const list = columns.join(', ');
    const of = (row: string) => columns.map((c) => `${row}.${c}`).join(', ');
    const add = `insert into ${index} (rowid, ${list}) values (new.id, ${of('new')});`;
    const drop = `insert into ${index} (${index}, rowid, ${list}) values ('delete', old.id, ${of('old')});`;
    return [
      `create virtual table ${index} using fts5(${list}, content='${table}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='3')`,
      `create trigger ${index}_insert after insert on ${table} begin ${add} end`,
      `create trigger ${index}_delete after delete on ${table} begin ${drop} end`,
      `create trigger ${index}_update after update of ${list} on ${table} begin ${drop} ${add} end`,
      `insert into ${index} (${index}) values ('rebuild')`,
    ];
  });
}

/** The text PostgreSQL indexes of a source: its first 300,000 characters (a tsvector holds at most 1 MB). */
const PG_TEXT_LIMIT = 300_000;

function postgres(): string[] {
  return INDEXED.flatMap(({ table, index, columns }) => {
    const [first, ...rest] = columns as [string, ...string[]];
    const text = (c: string) => `left(coalesce(new.${c}, ''), ${PG_TEXT_LIMIT})`;
    const vector = [
      `setweight(to_tsvector('simple', ${text(first)}), 'A')`,
      ...rest.map((c) => `to_tsvector('simple', ${text(c)})`),
    ].join(' || ');
    return [
      `create table ${index} (id integer primary key, document tsvector not null)`,
      `create index ${index}_document on ${index} using gin (document)`,
      `create function ${index}_sync() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          delete from ${index} where id = old.id;
          return old;
        end if;
        insert into ${index} (id, document) values (new.id, ${vector})
          on conflict (id) do update set document = excluded.document;
        return new;
      end $$`,
      `create trigger ${index}_sync after insert or delete or update of ${columns.join(', ')} on ${table}
        for each row execute function ${index}_sync()`,
      `insert into ${index} (id, document) select id, ${vector.replaceAll('new.', '')} from ${table}`,
    ];
  });
}
