import { sql, type Selectable, type SqlBool } from 'kysely';
import type { Db } from '../platform/db/dialect.js';
import type { IncidentTable } from '../platform/db/schema.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { checkLocated, checkUndated, filteredIncidents, presentIncident } from './incident-store.js';
import { decodeCursor, encodeCursor, type KeysetCursor } from './keyset.js';
import { IncidentQuery, type Incident, type ParsedIncidentQuery } from './schemas.js';
import type { Visibility } from './visibility.js';

/** Counting stops here: a list says "more than 10,000" rather than walk a million rows to count. */
export const LIST_COUNT_CAP = 10_000;
/** An `offset` walks every row before it; deeper pages are read by cursor. */
export const LIST_MAX_OFFSET = 10_000;

export interface IncidentListPage {
  readonly items: readonly Incident[];
  /** How many match, counted up to LIST_COUNT_CAP; `totalCapped` when more do. */
  readonly total: number;
  readonly totalCapped: boolean;
  readonly limit: number;
  /** Where the page starts in the order (0 for the first page). */
  readonly offset: number;
  readonly nextCursor: string | null;
  readonly prevCursor: string | null;
}

type Filtered = ReturnType<typeof filteredIncidents>;
type Row = Selectable<IncidentTable>;

/**
 * An order read in runs: by date, dated incidents (by date, then id) and then undated ones (by
 * id), whichever way dates run; by update time one run. Each run reads along an index
 * (`date_start, id` or `updated_at, id`), so a page deep in the list costs what the first does.
 */
interface Run {
  readonly where: (q: Filtered) => Filtered;
  /** The row's key in this run, null when the run orders by id alone. */
  readonly keyOf: (row: Row) => string | null;
  readonly column: 'date_start' | 'updated_at' | null;
}

const DATED: Run = {
  where: (q) => q.where('date_start', 'is not', null),
  keyOf: (row) => row.date_start,
  column: 'date_start',
};
const UNDATED: Run = { where: (q) => q.where('date_start', 'is', null), keyOf: () => null, column: null };
const UPDATED: Run = { where: (q) => q, keyOf: (row) => row.updated_at, column: 'updated_at' };

function orderOf(q: ParsedIncidentQuery): { name: string; runs: readonly Run[]; direction: 'asc' | 'desc' } {
  if (q.sort === 'updated') return { name: 'updated:desc', runs: [UPDATED], direction: 'desc' };
  const direction = q.sort === 'oldest' ? 'asc' : 'desc';
  return { name: `date:${direction}`, runs: [DATED, UNDATED], direction };
}

/** Rows of one run strictly after (or before, reading backwards) the cursor's row. */
function readRun(
  base: Filtered,
  run: Run,
  direction: 'asc' | 'desc',
  from: KeysetCursor | null,
  limit: number,
  skip = 0,
): Promise<Row[]> {
  const comparison = direction === 'asc' ? sql`>` : sql`<`;
  let q = run.where(base).selectAll();
  if (from && run.column) {
    const column = sql.ref(run.column);
    q = q.where(sql<SqlBool>`(${column}, id) ${comparison} (${from.key}, ${from.id})`);
  } else if (from) q = q.where(sql<SqlBool>`id ${comparison} ${from.id}`);
  if (run.column) q = q.orderBy(run.column, direction);
  return q.orderBy('id', direction).limit(limit).offset(skip).execute();
}

/**
 * Reads `limit + 1` rows (the extra one tells whether there is more) from a position of the
 * order onwards, run after run: forwards in the order's direction, backwards against it; from
 * the start, `skip` rows are passed over first (the first pages by offset, at most
 * LIST_MAX_OFFSET), a run holding fewer skipped whole.
 */
async function readFrom(
  base: Filtered,
  runs: readonly Run[],
  direction: 'asc' | 'desc',
  from: KeysetCursor | null,
  backwards: boolean,
  limit: number,
  skip = 0,
): Promise<{ row: Row; run: number }[]> {
  const reading = backwards ? (direction === 'asc' ? 'desc' : 'asc') : direction;
  const start = from?.run ?? (backwards ? runs.length - 1 : 0);
  const out: { row: Row; run: number }[] = [];
  let toSkip = skip;
  for (let r = start; r >= 0 && r < runs.length && out.length <= limit; r += backwards ? -1 : 1) {
    const run = runs[r] as Run;
    const mark = r === from?.run ? from : null;
    const rows = await readRun(base, run, reading, mark, limit + 1 - out.length, toSkip);
    if (rows.length === 0 && toSkip > 0) {
      const { n } = await run
        .where(base)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      toSkip = Math.max(0, toSkip - Number(n));
      continue;
    }
    toSkip = 0;
    out.push(...rows.map((row) => ({ row, run: r })));
  }
  return out;
}

/** How many match, stopping at the cap (a count over at most LIST_COUNT_CAP + 1 rows). */
async function cappedCount(db: Db, base: Filtered, cap: number): Promise<{ total: number; capped: boolean }> {
  const matching = base.select(sql<number>`1`.as('one')).limit(cap + 1);
  const { n } = await db
    .selectFrom(matching.as('matching'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  return { total: Math.min(total, cap), capped: total > cap };
}

/**
 * Lists incidents (newest first unless `sort` says otherwise; undated ones last) one page at a
 * time by keyset: `after` a page's `nextCursor`, `before` its `prevCursor`, or from `offset` (at
 * most 10,000) for the first pages. The total is counted up to 10,000.
 *
 * @example (await listIncidents(db, { kind: ['shelling'], limit: 50 })).nextCursor
 */
export async function listIncidents(
  db: Db,
  query: IncidentQuery,
  visibility: Visibility = { kind: 'all' },
  { countCap = LIST_COUNT_CAP }: { readonly countCap?: number } = {},
): Promise<IncidentListPage> {
  const q = checkLocated(checkUndated(parseInput(IncidentQuery, query, 'query')));
  if (q.after !== undefined && q.before !== undefined)
    throw invalid('before', 'cannot go with after: a page is read one way at a time');
  if ((q.after !== undefined || q.before !== undefined) && q.offset > 0)
    throw invalid('offset', 'cannot go with a cursor (after or before)');
  if (q.offset > LIST_MAX_OFFSET)
    throw invalid('offset', `must be at most ${LIST_MAX_OFFSET}; read deeper pages with nextCursor`);
  const base = filteredIncidents(db, q, visibility);
  const order = orderOf(q);
  const backwards = q.before !== undefined;
  const from =
    q.after !== undefined
      ? decodeCursor(q.after, 'after', order.name)
      : q.before !== undefined
        ? decodeCursor(q.before, 'before', order.name)
        : null;
  if (from && from.run >= order.runs.length)
    throw invalid(
      backwards ? 'before' : 'after',
      'is not a cursor this list gave; start from the first page',
    );
  const [read, count] = await Promise.all([
    readFrom(base, order.runs, order.direction, from, backwards, q.limit, q.offset),
    cappedCount(db, base, countCap),
  ]);
  const more = read.length > q.limit;
  const page = read.slice(0, q.limit);
  if (backwards) page.reverse();
  // Where the page starts: known from the offset or the cursor's position; a page read
  // backwards to the start of the list starts at 0 whatever the cursor said.
  const offset =
    from === null
      ? q.offset
      : backwards
        ? more
          ? Math.max(0, (from.at ?? 1) - 1 - page.length)
          : 0
        : (from.at ?? 0);
  const cursorOf = (entry: { row: Row; run: number } | undefined, at: number) =>
    entry
      ? encodeCursor({
          order: order.name,
          run: entry.run,
          key: (order.runs[entry.run] as Run).keyOf(entry.row),
          id: Number(entry.row.id),
          at,
        })
      : null;
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : offset > 0;
  return {
    items: page.map((e) => presentIncident(e.row)),
    total: count.total,
    totalCapped: count.capped,
    limit: q.limit,
    offset,
    nextCursor: hasNext && page.length > 0 ? cursorOf(page.at(-1), offset + page.length) : null,
    prevCursor: hasPrev && page.length > 0 ? cursorOf(page[0], offset + 1) : null,
  };
}
