import { Migrator, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';
import type { Db } from './dialect.js';
import * as m0001 from './migrations/0001-record.js';
import * as m0002 from './migrations/0002-agreement.js';
import * as m0003 from './migrations/0003-workflow.js';
import * as m0004 from './migrations/0004-exchange.js';
import * as m0004i from './migrations/0004-exchange-indexes.js';
import * as m0005 from './migrations/0005-accounts.js';
import * as m0009 from './migrations/0009-acled-fields.js';

/**
 * The migrations, in order. Forward-only: add a new numbered file and list it here; never edit
 * one that has landed. See docs/architecture.md.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-record': m0001,
  '0002-agreement': m0002,
  '0003-workflow': m0003,
  '0004-exchange': m0004,
  '0004-exchange-indexes': m0004i,
  '0005-accounts': m0005,
  '0009-acled-fields': m0009,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrateOutcome {
  readonly applied: readonly string[];
  readonly failed: string | null;
  readonly error: unknown;
}

/** Brings the schema up to date. Returns what ran, rather than throwing on a failed step. */
export async function migrateToLatest(db: Db): Promise<MigrateOutcome> {
  // Migrations written in parallel branches are independent; let one numbered lower land later.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  const failed = results.find((r: MigrationResult) => r.status === 'Error')?.migrationName ?? null;
  return { applied, failed, error: error ?? null };
}
