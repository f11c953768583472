/**
 * The full-text search's SQL for each dialect (the index itself is built by migration 0013):
 * SQLite's FTS5 tables `search_*` over the rows, ranked by bm25; PostgreSQL's tsvector side
 * tables `search_*` with a GIN index, ranked by ts_rank, snippets by ts_headline. A user's words
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

/** Marks around a matched word in a snippet; control characters stored text never holds. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const SNIPPET_WORDS = 24;

/**
 * The most matches ranked per type: a word found in more documents than this ranks the newest
 * this many (scoring every match of a word in every document would cost the whole index).
 */
export const RANKED_MATCHES = 1000;

/**
 * Which rows may be hits: a test asked of each candidate by its id (`each`), or a subquery of the
 * ids allowed (`among`: cheaper when filters leave few, as the engine lists them once).
 */
export type Within =
  | { readonly each: (id: RawBuilder<number>) => Expression<SqlBool> }
  | { readonly among: Expression<unknown> };
/** PostgreSQL indexes this much of each text (migration 0013); snippets read the same part. */
const PG_TEXT_LIMIT = 300_000;

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
  /** A snippet of each of these rows, matched words between MARK_START and MARK_END. */
  snippets(
    index: SearchIndex,
    terms: readonly SearchTerm[],
    ids: readonly number[],
  ): RawBuilder<{ id: number; snippet: string | null }>;
}

const condition = (within: Within | null, id: RawBuilder<number>) =>
  within === null
    ? sql``
    : 'each' in within
      ? sql`and ${within.each(id)}`
      : sql`and ${id} in (${within.among})`;

/** FTS5: every word a quoted string (FTS5 tokenizes inside), a phrase one string, `*` after the quote. */
export function fts5Match(terms: readonly SearchTerm[]): string {
  const phrase = (t: SearchTerm) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
  const wanted = terms.filter((t) => !t.exclude).map(phrase);
  const unwanted = terms.filter((t) => t.exclude).map(phrase);
  return [`(${wanted.join(' AND ')})`, ...unwanted].join(' NOT ');
}

const sqlite: SearchDialect = {
  run: async (db, query) => (await query.execute(db)).rows,
  // The candidates in rowid order (FTS5 walks its doclists newest first and stops at the limit),
  // then the best of them; `+` keeps `within` a test of each candidate, not a rowid lookup per value.
  ranked(index, terms, within, limit) {
    const weights = sql.raw(index.columns.map((_, i) => (i === 0 ? '4.0' : '1.0')).join(', '));
    const table = sql.table(index.index);
    const id = sql<number>`+${table}.rowid`;
    return sql<{ id: number; score: number }>`
      select id, score from (
        select ${table}.rowid as id, -bm25(${table}, ${weights}) as score from ${table}
        where ${table} match ${fts5Match(terms)} ${condition(within, id)}
        order by ${table}.rowid desc limit ${RANKED_MATCHES}
      ) order by score desc, id desc limit ${limit}`;
  },
  snippets(index, terms, ids) {
    const table = sql.table(index.index);
    return sql<{ id: number; snippet: string | null }>`
      select rowid as id, snippet(${table}, -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_WORDS}) as snippet
      from ${table} where ${table} match ${fts5Match(terms)} and rowid in (${sql.join([...ids])})`;
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

const postgres: SearchDialect = {
  // Without parallel workers: starting them costs more than the few thousand rows a ranking reads.
  run: (db, query) =>
    db.transaction().execute(async (trx) => {
      await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
      return (await query.execute(trx)).rows;
    }),
  ranked(index, terms, within, limit) {
    const table = sql.table(index.index);
    return sql<{ id: number; score: number }>`
      select id, score from (
        select d.id, ts_rank(d.document, q.query) as score
        from ${table} d, (select ${tsquery(terms)} as query) q
        where d.document @@ q.query ${condition(within, sql<number>`d.id`)}
        order by d.id desc limit ${RANKED_MATCHES}
      ) c order by score desc, id desc limit ${limit}`;
  },
  snippets(index, terms, ids) {
    const parts = index.columns.map((c) => sql`left(${sql.ref(c)}, ${sql.lit(PG_TEXT_LIMIT)})`);
    const text = sql`concat_ws(' — ', ${sql.join(parts)})`;
    const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${SNIPPET_WORDS}, MinWords=8, MaxFragments=1, FragmentDelimiter=…`;
    return sql<{ id: number; snippet: string | null }>`
      select id, ts_headline('simple', ${text}, ${tsquery(terms)}, ${options}) as snippet
      from ${sql.table(index.table)} where id in (${sql.join([...ids])})`;
  },
};

const DIALECTS: Readonly<Record<DialectName, SearchDialect>> = { sqlite, postgres };

export const searchDialect = (db: Db): SearchDialect => DIALECTS[dialectOf(db)];
