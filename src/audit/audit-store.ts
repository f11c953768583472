import {
  CompiledQuery,
  PostgresAdapter,
  sql,
  type Insertable,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';

import { dialectOf, type Db } from '../platform/db/dialect.js';
import type { AuditedTable, Database } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { auditImage, chainEntry, type AuditEntry, type ChainedEntry } from './chain.js';
import { growTree, insertTreeNodes } from './tree-store.js';

/** Who makes a change and why; `clock` is passed in so tests control time. */
export interface ChangeContext {
  readonly actor: string;
  readonly reason?: string | null;
  readonly clock?: () => Date;
}

/**
 * The one path for writes to the record. Each call inserts, updates or deletes one row and appends
 * its audit entry in the same transaction; reads go through `trx`.
 */
export interface RecordWriter {
  readonly trx: Transaction<Database>;
  readonly at: string;
  insert<T extends AuditedTable>(table: T, values: Insertable<Database[T]>): Promise<Selectable<Database[T]>>;
  /**
   * Inserts many rows of one table in few statements (bulk imports), each with its own audit
   * entry as `insert` would write it; the rows come back in the order given.
   */
  insertMany<T extends AuditedTable>(
    table: T,
    values: readonly Insertable<Database[T]>[],
  ): Promise<Selectable<Database[T]>[]>;
  update<T extends AuditedTable>(
    table: T,
    id: number,
    patch: Updateable<Database[T]>,
    options?: { action?: string; reason?: string | null },
  ): Promise<Selectable<Database[T]>>;
  remove<T extends AuditedTable>(table: T, id: number, options?: { reason?: string | null }): Promise<void>;
}

type LooseRow = Record<string, unknown> & { id: number };

/**
 * Runs `work` in one transaction whose every record write is chained into the audit log.
 *
 * @example
 *   const incident = await audited(db, { actor: 'user:amira', reason: 'new report' }, (w) =>
 *     w.insert('incidents', buildIncidentRow()));
 */
export async function audited<R>(
  db: Db,
  context: ChangeContext,
  work: (writer: RecordWriter) => Promise<R>,
): Promise<R> {
  return db.transaction().execute((trx) => auditedIn(trx, context, work));
}

/**
 * `audited` inside a transaction the caller already holds (a migration's backfill): the same
 * chained writes, committed or rolled back with that transaction.
 *
 * @example await db.transaction().execute((trx) => auditedIn(trx, { actor: 'system:migrate' }, work))
 */
export async function auditedIn<R>(
  trx: Transaction<Database>,
  context: ChangeContext,
  work: (writer: RecordWriter) => Promise<R>,
  options: AuditedOptions = {},
): Promise<R> {
  // Locking at the flush is for PostgreSQL only: on SQLite the head's update is the transaction's
  // first write, which takes the database's write lock before any read (see `lockChainHead`).
  const early = options.lockHead !== 'at-flush' || dialectOf(trx) !== 'postgres';
  const locked = early ? await lockHead(trx) : null;
  const changes: Omit<AuditEntry, 'seq'>[] = [];
  const at = (context.clock ?? (() => new Date()))().toISOString();

  const append = (
    action: string,
    table: AuditedTable,
    id: number,
    change: { before: string | null; after: string | null; reason?: string | null | undefined },
  ) => {
    changes.push({
      at,
      actor: context.actor,
      action,
      entityType: table,
      entityId: String(id),
      before: change.before,
      after: change.after,
      reason: change.reason ?? context.reason ?? null,
    });
  };

  const readRow = async (table: AuditedTable, id: number): Promise<LooseRow> => {
    const { rows } = await sql<LooseRow>`select * from ${sql.table(table)} where id = ${id}`.execute(trx);
    if (!rows[0]) throw notFound(table, id);
    return rows[0];
  };

  const writer: RecordWriter = {
    trx,
    at,
    async insert(table, values) {
      const row = await insertRow(trx, table, values);
      append('create', table, row.id, { before: null, after: auditImage(table, row) });
      return row as never;
    },
    async insertMany(table, values) {
      const rows = await insertRows(trx, table, values);
      for (const row of rows)
        append('create', table, row.id, { before: null, after: auditImage(table, row) });
      return rows as never;
    },
    async update(table, id, patch, options = {}) {
      const before = await readRow(table, id);
      const row = await updateRow(trx, table, id, patch);
      append(options.action ?? 'update', table, id, {
        before: auditImage(table, before),
        after: auditImage(table, row),
        reason: options.reason,
      });
      return row as never;
    },
    async remove(table, id, options = {}) {
      const before = await readRow(table, id);
      await sql`delete from ${sql.table(table)} where id = ${id}`.execute(trx);
      append('delete', table, id, {
        before: auditImage(table, before),
        after: null,
        reason: options.reason,
      });
    },
  };

  const result = await work(writer);
  const head = locked ?? (await lockHead(trx));
  let prev = { seq: head.seq, hash: head.hash };
  const pending = changes.map((change) => {
    const entry = chainEntry(prev, change);
    prev = { seq: entry.seq, hash: entry.hash };
    return entry;
  });
  await appendEntries(trx, head, pending);
  return result;
}

export interface AuditedOptions {
  /**
   * `at-flush`: on PostgreSQL, lock the chain head only when the entries are appended, at the end
   * of the transaction, so writers that do not touch the same rows run side by side until then
   * (the chain stays gap-free: seq and hashes are given under the lock). For a caller whose own
   * locks and unique keys keep concurrent work apart — the head lock no longer does — such as
   * ingest (merge locks, the unique content hash, a retry on any other unique key).
   */
  readonly lockHead?: 'first' | 'at-flush';
}

/** The chain head as the writer locks it; `frontier` is undefined before migration 0011 made the tree. */
export interface LockedHead {
  readonly seq: number;
  readonly hash: string;
  readonly frontier: string | null | undefined;
}

/**
 * Locks the chain head for this transaction (a no-op update, so concurrent writers queue) and
 * reads it with the tree's frontier in the same statement. `returning *`, so that a migration
 * older than 0011 writing through the chain (0007's backfill) finds no frontier column and leaves
 * the tree to 0011, which builds it from every entry.
 */
export async function lockHead(trx: Transaction<Database>): Promise<LockedHead> {
  const { rows } = await sql<{
    seq: number | string;
    hash: string;
    frontier?: string | null;
  }>`update audit_head set seq = seq where id = 1 returning *`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error('the audit head row is missing: run the migrations');
  return {
    seq: Number(row.seq),
    hash: row.hash,
    frontier: 'frontier' in row ? (row.frontier ?? null) : undefined,
  };
}

/**
 * Stores entries chained onto the locked `head` (in seq order), grows the Merkle tree by them
 * (leaf i is entry seq i + 1) and moves the head: the entries, the few new tree nodes, and one
 * update of the head row with seq, hash and frontier. A head whose frontier is undefined has no
 * tree yet: the chain alone moves.
 */
export async function appendEntries(
  trx: Transaction<Database>,
  head: LockedHead,
  entries: readonly ChainedEntry[],
): Promise<void> {
  const last = entries[entries.length - 1];
  if (!last) return;
  await flushEntries(trx, entries);
  const tree =
    head.frontier === undefined
      ? null
      : growTree(
          head.frontier,
          head.seq,
          entries.map((e) => e.hash),
        );
  if (tree) await insertTreeNodes(trx, tree.nodes);
  await trx
    .updateTable('audit_head')
    .set({ seq: last.seq, hash: last.hash, ...(tree ? { frontier: tree.frontier } : {}) })
    .where('id', '=', 1)
    .execute();
}

// Kysely cannot type a query over a union of table names, so the writer's three statements are
// built with its `sql` template: identifiers quoted by Kysely, values always bound as parameters.
type Values = Readonly<Record<string, unknown>>;

async function insertRow(trx: Transaction<Database>, table: AuditedTable, values: Values): Promise<LooseRow> {
  const columns = Object.keys(values).filter((c) => values[c] !== undefined);
  const query = sql<LooseRow>`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(columns.map((c) => values[c]))}) returning *`;
  const { rows } = await query.execute(trx);
  if (!rows[0]) throw new Error(`insert into ${table} returned no row`);
  return rows[0];
}

/** Bound parameters per statement, under SQLite's and PostgreSQL's limits (32,766 and 65,535). */
const MAX_PARAMETERS = 30_000;

async function insertRows(
  trx: Transaction<Database>,
  table: AuditedTable,
  values: readonly Values[],
): Promise<LooseRow[]> {
  const out = new Array<LooseRow>(values.length);
  const groups = new Map<string, number[]>();
  values.forEach((v, i) => {
    const key = Object.keys(v)
      .filter((c) => v[c] !== undefined)
      .join(',');
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const [key, indexes] of groups) {
    const columns = key === '' ? [] : key.split(',');
    let start = 0;
    for (const size of statementSizes(trx, indexes.length, columns.length)) {
      const slice = indexes.slice(start, start + size);
      start += size;
      if (columns.length === 0) {
        for (const i of slice) out[i] = await insertRow(trx, table, {});
        continue;
      }
      const { rows } = await trx.executeQuery<LooseRow>(
        multiRowInsert(
          trx,
          table,
          columns,
          slice.map((i) => values[i] ?? {}),
        ),
      );
      if (rows.length !== slice.length) throw new Error(`insert into ${table} returned ${rows.length} rows`);
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      slice.forEach((i, n) => (out[i] = rows[n] as LooseRow));
    }
  }
  return out;
}

/**
 * How many rows each multi-row insert of `n` rows takes, under the parameter limit. SQLite
 * prepares a statement per distinct text and the connection caches them by text, so there the
 * sizes are powers of two (the same few texts batch after batch, prepared once); PostgreSQL
 * prepares nothing, so there each statement takes as many rows as it can.
 */
function statementSizes(trx: Transaction<Database>, n: number, columns: number): number[] {
  const most = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
  const sizes: number[] = [];
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    for (let left = n; left > 0; left -= most) sizes.push(Math.min(most, left));
    return sizes;
  }
  let block = 1;
  while (block * 2 <= most) block *= 2;
  let left = n;
  // At most n / block full blocks, then one statement per set bit of the rest.
  for (; left >= block; left -= block) sizes.push(block);
  for (let bit = block / 2; bit >= 1; bit /= 2)
    if (left >= bit) {
      sizes.push(bit);
      left -= bit;
    }
  return sizes;
}

function multiRowInsert(
  trx: Transaction<Database>,
  table: AuditedTable | 'audit_entries',
  columns: readonly string[],
  rows: readonly Values[],
  returning = true,
): CompiledQuery<LooseRow> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const parameters: unknown[] = [];
  const tuples = rows.map((row) => {
    const marks = columns.map((c) => {
      parameters.push(row[c]);
      return postgres ? `$${parameters.length}` : '?';
    });
    return `(${marks.join(', ')})`;
  });
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  return CompiledQuery.raw(
    `insert into "${table}" (${quoted}) values ${tuples.join(', ')}${returning ? ' returning *' : ''}`,
    parameters,
  );
}

async function updateRow(
  trx: Transaction<Database>,
  table: AuditedTable,
  id: number,
  patch: Values,
): Promise<LooseRow> {
  const columns = Object.keys(patch).filter((c) => patch[c] !== undefined && c !== 'id');
  const sets = columns.map((c) => sql`${sql.ref(c)} = ${patch[c]}`);
  const { rows } =
    await sql<LooseRow>`update ${sql.table(table)} set ${sql.join(sets)} where id = ${id} returning *`.execute(
      trx,
    );
  if (!rows[0]) throw notFound(table, id);
  return rows[0];
}

const ENTRY_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'reason',
  'prev_hash',
  'hash',
] as const;

/** An entry as its `audit_entries` row. */
export const entryRow = (e: ChainedEntry) => ({
  seq: e.seq,
  at: e.at,
  actor: e.actor,
  action: e.action,
  entity_type: e.entityType,
  entity_id: e.entityId,
  before: e.before,
  after: e.after,
  reason: e.reason,
  prev_hash: e.prevHash,
  hash: e.hash,
});

/** An `audit_entries` row as the entry it stores (PostgreSQL may hand `seq` back as text). */
export const entryOfRow = (r: Selectable<Database['audit_entries']>): ChainedEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
  reason: r.reason,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The entries, in multi-row inserts as large as the parameter limit allows (few statements to prepare). */
async function flushEntries(trx: Transaction<Database>, entries: readonly ChainedEntry[]): Promise<void> {
  let i = 0;
  for (const size of statementSizes(trx, entries.length, ENTRY_COLUMNS.length)) {
    const rows = entries.slice(i, i + size).map(entryRow);
    await trx.executeQuery(multiRowInsert(trx, 'audit_entries', ENTRY_COLUMNS, rows, false));
    i += size;
  }
}
