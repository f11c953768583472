import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * Search at 100,000 incidents (issues 16 and 20). SQLite: the FTS5 tables of migration 0013 built
 * again with prefix indexes of 2, 3 and 4 characters (0013 had 3 only): a short prefix (`ka*`)
 * otherwise merges the lists of every word it starts, whole, on every query. The triggers of 0013
 * stay (they name the tables, which keep their names and columns). Both databases: statements
 * found by their source and their report (a search's filters list the statements of the
 * incidents they leave). The SQL is written out here, not imported, so this migration never
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
}

const INDEXED = [
  {
    table: 'incidents',
    index: 'search_incidents',
    columns: ['title', 'summary', 'place_name', 'actor1', 'actor2'],
  },
  { table: 'sources', index: 'search_sources', columns: ['title', 'clean_text'] },
  { table: 'statements', index: 'search_statements', columns: ['speaker_name', 'text'] },
] as const;
