/**
 * The full-text search's SQL for each dialect (the index itself is built by migration 0013):
 * SQLite's FTS5 tables `search_*` over the rows, ranked by bm25; PostgreSQL's tsvector side
 * tables `search_*` with a GIN index, ranked by ts_rank (snippets are cut by `record/search-snippet.ts`). A user's words
 * reach either engine only as bound parameters inside quotes, so no query is ever read as syntax.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { SearchTerm } from '../../record/search-query.js';
import { dialectOf, type Db, type DialectName } from './dialect.js';

/** What can be searched: the indexed table, its index, the columns indexed (the first weighs most). */
export interface SearchIndex {
  readonly table: 'incidents' | 'sources' | 'statements';
  readonly index: 'search_incidents' | 'search_sources' | 'search_statements';
  readonly columns: readonly string[];
}

/**
 * The most matches ranked per type: a word found in more documents than this ranks the newest
 * this many (scoring every match of a word in every document would cost the whole index).
 */
export const RANKED_MATCHES = 1000;

/**
 * Which rows may be hits: a test asked of each candidate by its id (`each`), a subquery of the
 * ids allowed (`among`), or the ids themselves (`ids`: filters that leave few, listed beforehand).
 * With `each`, `published` says the test is the visibility rule: `only` the rows the public may
 * see, `or` those and the rows passing the test; an engine that keeps that beside each document
 * (PostgreSQL, migration 0019) reads it instead of asking the test.
 */
export type Within =
  | {
      readonly each: (id: RawBuilder<number>) => Expression<SqlBool>;
      readonly published?: 'only' | 'or';
    }
  | { readonly among: Expression<unknown> }
  | { readonly ids: readonly number[] };

export interface SearchDialect {
  /**
   * The best `limit` of the newest RANKED_MATCHES matches as (id, score), score higher for a
   * better match; `within` says which rows may be hits (null: any row).
   */
  ranked(
    index: SearchIndex,
    terms: readonly SearchTerm[],
    within: Within | null,
    limit: number,
  ): RawBuilder<{ id: number; score: number }>;
  /** Runs a ranking query the way this engine answers it best. */
  run<R>(db: Db, query: RawBuilder<R>): Promise<R[]>;
  /**
   * A list of ids as one bound value, a parenthesised subquery to put after `column in`: a long
   * list costs one parameter, and one statement text whatever its length.
   */
  idList(ids: readonly number[]): RawBuilder<number>;
}

/** FTS5: every word a quoted string (FTS5 tokenizes inside), a phrase one string, `*` after the quote. */
export function fts5Match(terms: readonly SearchTerm[]): string {
  const phrase = (t: SearchTerm) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
  const wanted = terms.filter((t) => !t.exclude).map(phrase);
  const unwanted = terms.filter((t) => t.exclude).map(phrase);
  return [`(${wanted.join(' AND ')})`, ...unwanted].join(' NOT ');
}

const sqliteIds = (ids: readonly number[]) =>
  sql<number>`(select value from json_each(${JSON.stringify(ids.map(Number))}))`;

const sqlite: SearchDialect = {
  run: async (db, query) => (await query.execute(db)).rows,
  idList: sqliteIds,
  // The candidates in rowid order (FTS5 walks its doclists newest first and stops at the limit),
  // then the best of them. `within` is a test of each candidate (`+rowid`), never a lookup of
  // each allowed rowid: FTS5 sets the whole query up again for every rowid it is asked for (a
  // prefix merges all its words' lists each time), so even a few hundred lookups cost more than
  // walking the matches once.
  ranked(index, terms, within, limit) {
    const weights = sql.raw(index.columns.map((_, i) => (i === 0 ? '4.0' : '1.0')).join(', '));
    const table = sql.table(index.index);
    const id = sql<number>`+${table}.rowid`;
    const condition =
      within === null
        ? sql``
        : 'each' in within
          ? sql`and ${within.each(id)}`
          : 'among' in within
            ? sql`and ${id} in (${within.among})`
            : sql`and ${id} in ${sqliteIds(within.ids)}`;
    return sql<{ id: number; score: number }>`
      select id, score from (
        select ${table}.rowid as id, -bm25(${table}, ${weights}) as score from ${table}
        where ${table} match ${fts5Match(terms)} ${condition}
        order by ${table}.rowid desc limit ${RANKED_MATCHES}
      ) order by score desc, id desc limit ${limit}`;
  },
};

/** A tsquery built from bound words by PostgreSQL's own functions: a phrase `<->`, a prefix `:*`, an exclusion `!!`. */
function tsquery(terms: readonly SearchTerm[]): RawBuilder<unknown> {
  const term = (t: SearchTerm) => {
    const whole = t.prefix ? t.words.slice(0, -1) : t.words;
    const last = t.words[t.words.length - 1] ?? '';
    const prefixed = sql`to_tsquery('simple', ${`'${last}':*`})`;
    const head = whole.length > 0 ? sql`phraseto_tsquery('simple', ${whole.join(' ')})` : null;
    const query = !t.prefix ? head : head ? sql`tsquery_phrase(${head}, ${prefixed})` : prefixed;
    return t.exclude ? sql`!!(${query})` : sql`(${query})`;
  };
  return sql`(${sql.join(terms.map(term), sql` && `)})`;
}

const postgresIds = (ids: readonly number[]) => sql<number>`(select unnest(${ids.map(Number)}::integer[]))`;

const postgres: SearchDialect = {
  // Without parallel workers or JIT compiling: starting them costs more than the few thousand rows
  // a ranking reads (a ranking's estimate can pass the JIT threshold, and compiling takes 50 ms).
  run: (db, query) =>
    db.transaction().execute(async (trx) => {
      await sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`.execute(
        trx,
      );
      return (await query.execute(trx)).rows;
    }),
  idList: postgresIds,
  // The newest matches first, then ts_rank over those only (it reads each document again).
  // Listed ids are looked up one by one through the primary key (`= any`), each then tested; the
  // public's rows by the flag beside each document (no join per candidate).
  ranked(index, terms, within, limit) {
    const table = sql.table(index.index);
    const id = sql<number>`d.id`;
    const condition =
      within === null
        ? sql``
        : 'each' in within
          ? within.published === 'only'
            ? sql`and d.published`
            : within.published === 'or'
              ? sql`and (d.published or ${within.each(id)})`
              : sql`and ${within.each(id)}`
          : 'among' in within
            ? sql`and ${id} in (${within.among})`
            : sql`and ${id} = any(${within.ids.map(Number)}::integer[])`;
    return sql<{ id: number; score: number }>`
      select c.id, ts_rank(c.document, c.query) as score from (
        select d.id, d.document, q.query
        from ${table} d, (select ${tsquery(terms)} as query) q
        where d.document @@ q.query ${condition}
        order by d.id desc limit ${RANKED_MATCHES}
      ) c order by score desc, id desc limit ${limit}`;
  },
};

const DIALECTS: Readonly<Record<DialectName, SearchDialect>> = { sqlite, postgres };

export const searchDialect = (db: Db): SearchDialect => DIALECTS[dialectOf(db)];
