/**
 * Every difference between SQLite and PostgreSQL lives in this file: how to connect, the
 * column types that differ, and how a writer takes the lock that serialises the audit chain.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type RawBuilder,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { TruceError } from '../errors.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** Opens the database. SQLite runs in WAL mode with `synchronous=FULL`: a commit is on disk before it returns. */
export function openDatabase(config: DatabaseConfig): Db {
  if (config.kind === 'sqlite') {
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
    const native = new SqliteDatabase(config.path);
    native.pragma('journal_mode = WAL');
    native.pragma('synchronous = FULL');
    native.pragma('foreign_keys = ON');
    native.pragma('busy_timeout = 10000');
    // 64 MiB of page cache: indexes of a million-incident record stay in memory.
    native.pragma('cache_size = -65536');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(native) }) });
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle connection the server ends (a restart, an administrator, a dropped test database)
  // is an 'error' on the pool; unheard it would kill the process. The pool drops that client and
  // the next query opens a new one, so nothing is lost by hearing it here.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every statement anew; preparing costs as much as running a small insert.
 * Reuse prepared statements by SQL text, unless one is mid-iteration (`busy`, a streamed query).
 */
function withStatementCache(native: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => native.close(),
    prepare(text: string) {
      // SQLite ends a transaction by itself on some errors (a full disk, I/O): a later ROLLBACK
      // would then fail with "no transaction is active" and hide the error that caused it.
      if (/^\s*rollback\b/i.test(text) && !native.inTransaction) return native.prepare('select 1');
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const statement = native.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      cache.set(text, statement);
      return statement;
    },
  };
}

/** Which dialect a Kysely instance speaks (migrations get only the instance). */
export function dialectOf(db: Pick<Kysely<unknown>, 'getExecutor'>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

type AnyTableBuilder = CreateTableBuilder<string, string>;

/** Adds an auto-incrementing integer primary key named `id`. */
export function addIdColumn(db: Kysely<unknown>, table: AnyTableBuilder): AnyTableBuilder {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const columnTypes = (db: Kysely<unknown>) =>
  dialectOf(db) === 'postgres'
    ? ({ blob: 'bytea', real: 'double precision' } as const)
    : ({ blob: 'blob', real: 'real' } as const);

export type ColumnOptions = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Serialises writers of the audit chain. On PostgreSQL the row lock on `audit_head` is held to
 * commit; on SQLite the first write takes the database's RESERVED lock (waiting up to
 * busy_timeout), so a deferred transaction never reads a head another process is about to move.
 */
export async function lockChainHead(db: Kysely<Database>): Promise<{ seq: number; hash: string }> {
  const head = await db
    .updateTable('audit_head')
    .set({ seq: sql<number>`seq` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** A fresh PostgreSQL database for one test run, dropped afterwards. */
export async function createScratchPostgres(
  baseUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A database failure the caller can act on, as a Truce error: a full disk and a read-only or
 * unopenable database are `unavailable` (HTTP 503, exit 6); text PostgreSQL cannot store (NUL) is
 * `invalid`. Anything else is returned as it was (an internal error).
 *
 * @example throw databaseError(error) // inside a catch
 */
export function databaseError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const code = 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : '';
  const unavailable = (what: string) =>
    new TruceError('unavailable', `database: ${what} (${message || code})`, { rule: code || 'unavailable' });
  if (code === 'SQLITE_FULL' || code === '53100')
    return unavailable('the disk is full; free space and retry');
  if (code.startsWith('SQLITE_READONLY') || code === '25006')
    return unavailable('the database is read-only; check the file and folder permissions');
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ECONNREFUSED' || code === '57P03')
    return unavailable('cannot open or reach the database');
  if (code === '22021' || code === '22P05')
    return new TruceError('invalid', 'text: must not contain NUL or characters the database cannot store', {
      field: 'text',
      rule: 'must not contain control characters',
    });
  return error;
}

/** True when a database error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = String(error.code);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A column as a residual test rather than an index choice. Exports walk the primary key in pages;
 * without statistics SQLite would rather seek a filter's index and sort every match again for each
 * page (quadratic over a large export), and a unary `+` stops that. PostgreSQL's planner has
 * statistics and keeps plain columns.
 */
export function residualColumn(db: Db): (column: string) => RawBuilder<unknown> {
  return db.getExecutor().adapter instanceof SqliteAdapter
    ? (c) => sql`+${sql.ref(c)}`
    : (c) => sql`${sql.ref(c)}`;
}
