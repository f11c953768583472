import {
  DEFAULT_MIGRATION_TABLE,
  Migrator,
  sql,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
} from 'kysely';
import { dialectOf, type Db } from './dialect.js';
import * as m0001 from './migrations/0001-record.js';
import * as m0002 from './migrations/0002-agreement.js';
import * as m0003 from './migrations/0003-workflow.js';
import * as m0004 from './migrations/0004-exchange.js';
import * as m0005 from './migrations/0005-accounts.js';
import * as m0006 from './migrations/0006-exchange-indexes.js';
import * as m0007 from './migrations/0007-incident-parties.js';
import * as m0008 from './migrations/0008-credentials.js';
import * as m0009 from './migrations/0009-acled-fields.js';
import * as m0010 from './migrations/0010-duplicate-suggestions.js';
import * as m0011 from './migrations/0011-audit-tree.js';
import * as m0012 from './migrations/0012-undated-incidents.js';
import * as m0013 from './migrations/0013-search.js';
import * as m0014 from './migrations/0014-audit-tree-blocks.js';
import * as m0016 from './migrations/0016-shared-leases.js';
import * as m0018 from './migrations/0018-activity-corrections.js';
import * as m0019 from './migrations/0019-search-speed.js';
import * as m0021 from './migrations/0021-activity-idempotency.js';
import * as m0023 from './migrations/0023-bulk-link-speed.js';
import * as m0025 from './migrations/0025-incident-update-order.js';
import * as m0026 from './migrations/0026-incident-date-window.js';

/**
 * The migrations, in order. Forward-only: add a new numbered file and list it here; never edit
 * one that has landed. Numbers are taken in order: a migration numbered below one already applied
 * is refused. See docs/architecture.md.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-record': m0001,
  '0002-agreement': m0002,
  '0003-workflow': m0003,
  '0004-exchange': m0004,
  '0005-accounts': m0005,
  '0006-exchange-indexes': m0006,
  '0007-incident-parties': m0007,
  '0008-credentials': m0008,
  '0009-acled-fields': m0009,
  '0010-duplicate-suggestions': m0010,
  '0011-audit-tree': m0011,
  '0012-undated-incidents': m0012,
  '0013-search': m0013,
  '0014-audit-tree-blocks': m0014,
  '0016-shared-leases': m0016,
  '0018-activity-corrections': m0018,
  '0019-search-speed': m0019,
  '0021-activity-idempotency': m0021,
  '0023-bulk-link-speed': m0023,
  '0025-incident-update-order': m0025,
  '0026-incident-date-window': m0026,
};

/**
 * The migrations that come before `name`, in order: a database as it stood before that migration
 * (for tests of a migration on data written before it).
 *
 * @example Object.keys(migrationsBefore('0003-workflow')) // ['0001-record', '0002-agreement']
 */
export function migrationsBefore(name: string): Record<string, Migration> {
  if (!(name in MIGRATIONS)) throw new Error(`no migration named ${name}`);
  return Object.fromEntries(Object.entries(MIGRATIONS).filter(([n]) => n < name));
}

/** Migrations that landed under another name: old name → name in `MIGRATIONS`. */
export const RENAMED_MIGRATIONS: Readonly<Record<string, string>> = {
  '0004-exchange-indexes': '0006-exchange-indexes',
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrateOutcome {
  readonly applied: readonly string[];
  readonly failed: string | null;
  readonly error: unknown;
}

/**
 * A database that applied a migration under its old name keeps working: the row in kysely's
 * table takes the new name, and a time after every other row, so the order check (by time)
 * finds it where the new number puts it.
 */
async function renameLegacyMigrations(db: Db): Promise<void> {
  const table = await sql<{
    name: string;
  }>`select 1 as name from ${sql.table(DEFAULT_MIGRATION_TABLE)} where 1 = 0`
    .execute(db)
    .then(() => true)
    .catch(() => false);
  if (!table) return;
  for (const [from, to] of Object.entries(RENAMED_MIGRATIONS)) {
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ name: string; timestamp: string }>`
        select name, timestamp from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(trx);
      if (!rows.some((r) => r.name === from) || rows.some((r) => r.name === to)) return;
      const latest = Math.max(...rows.map((r) => Date.parse(r.timestamp)).filter(Number.isFinite), 0);
      const after = new Date(Math.max(latest + 1, Date.now())).toISOString();
      await sql`update ${sql.table(DEFAULT_MIGRATION_TABLE)} set name = ${to}, timestamp = ${after}
        where name = ${from}`.execute(trx);
    });
  }
}

/**
 * Brings the schema up to date. Returns what ran, rather than throwing on a failed step. On
 * SQLite (where Kysely runs migrations outside a transaction) the whole run holds the database's
 * write lock (`BEGIN IMMEDIATE`, waiting up to busy_timeout), so processes started together
 * migrate one after another: the second finds the work done, and a failed run leaves nothing
 * half done. PostgreSQL is serialised by Kysely's own lock row and transaction.
 */
export async function migrateToLatest(db: Db): Promise<MigrateOutcome> {
  await renameLegacyMigrations(db);
  if (dialectOf(db) === 'postgres') return run(db, false);
  // Kysely's SQLite driver has one connection, so the migrator's statements run inside this lock.
  // Foreign keys are off for the run (a table SQLite must rebuild is dropped and replaced) and
  // checked before it commits; the pragma only takes effect outside a transaction.
  const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  const enforced = Number(rows[0]?.foreign_keys ?? 0) === 1;
  if (enforced) await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    const outcome = await run(db, true)
      .then(async (done) => (done.error ? done : { ...done, error: await foreignKeyViolation(db) }))
      .catch((error: unknown) => ({ applied: [], failed: null, error }));
    await sql.raw(outcome.error ? 'rollback' : 'commit').execute(db);
    return outcome;
  } finally {
    if (enforced) await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** The first row a migration left pointing at nothing (SQLite, checked before commit), as an error. */
async function foreignKeyViolation(db: Db): Promise<Error | null> {
  const { rows } = await sql<{ table: string; rowid: number; parent: string }>`
    pragma foreign_key_check`.execute(db);
  const [first] = rows;
  return first
    ? new Error(`migration left ${first.table} row ${first.rowid} referring to a missing ${first.parent} row`)
    : null;
}

async function run(db: Db, insideTransaction: boolean): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: false,
    disableTransactions: insideTransaction,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  const failed = results.find((r: MigrationResult) => r.status === 'Error')?.migrationName ?? null;
  return { applied, failed, error: error ?? null };
}
