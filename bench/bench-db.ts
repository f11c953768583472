// The benches' databases: a scratch SQLite file or PostgreSQL database for one run, or, under
// TRUCE_BENCH_KEEP=DIR, a kept one per size (DIR/incidents-SIZE.db, PostgreSQL's
// truce_bench_SIZE), seeded once by bench/seed.ts and reused by the next run of any bench using it
// (store and api read it and write nothing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { seedIncidents } from './seed.js';

export type BenchDatabase = 'sqlite' | 'postgres';

export const benchDatabases = (): BenchDatabase[] =>
  (process.env.TRUCE_BENCH_DATABASES?.split(',') ?? ['sqlite', 'postgres']) as BenchDatabase[];

export const benchSizes = (): number[] =>
  (process.env.TRUCE_BENCH_INCIDENTS ?? '100000').split(',').map((n) => Number(n.replace(/_/g, '')));

const PG_BASE = process.env.TRUCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Seeded {
  readonly url: string;
  /** Seconds the seed took; 0 when a kept database was reused. */
  readonly seedSeconds: number;
}

/**
 * Runs `work` on a database of `size` seeded incidents, migrated to the latest schema; the database
 * is dropped afterwards unless kept.
 */
export async function withSeeded<R>(
  database: BenchDatabase,
  size: number,
  work: (seeded: Seeded) => Promise<R>,
): Promise<R> {
  const keep = process.env.TRUCE_BENCH_KEEP;
  let url: string;
  let cleanup = async () => {};
  if (database === 'sqlite') {
    const dir = keep ?? mkdtempSync(join(tmpdir(), 'truce-bench-'));
    url = `sqlite:${join(dir, `incidents-${size}.db`)}`;
    if (!keep) cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else if (keep) {
    const dbName = `truce_bench_${size}`;
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [dbName]);
    if (exists.rowCount === 0) await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(PG_BASE);
    u.pathname = `/${dbName}`;
    url = u.toString();
  } else {
    const scratch = await createScratchPostgres(PG_BASE, `truce_bench_${process.pid}`);
    url = scratch.url;
    cleanup = () => scratch.drop();
  }
  try {
    const seedSeconds = await prepare(url, size, `${database} ${size.toLocaleString('en')}`);
    return await work({ url, seedSeconds });
  } finally {
    await cleanup();
  }
}

/** How many incidents a (kept or fresh) bench database holds. */
export async function storedIncidents(db: Db): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function prepare(url: string, size: number, label: string): Promise<number> {
  const db: Db = openDatabase(parseDatabaseUrl(url));
  try {
    const migrated = await migrateToLatest(db);
    if (migrated.error) throw migrated.error;
    const stored = await storedIncidents(db);
    if (stored === size) {
      // A migration applied to a kept database: fresh statistics for its new indexes.
      if (migrated.applied.length > 0) await sql`analyze`.execute(db);
      return 0;
    }
    if (stored > size)
      throw new Error(`${label}: the kept database holds ${stored} incidents, more than ${size}`);
    return await seedIncidents(db, size, stored, (line) => console.log(`${label}:${line}`));
  } finally {
    await db.destroy();
  }
}
