import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { parseDatabaseUrl, type DatabaseConfig } from '../../config.js';
import { createScratchPostgres, openDatabase, type Db } from '../dialect.js';
import { migrateToLatest } from '../migrate.js';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  readonly config: DatabaseConfig;
  /** A migrated database (an empty one with `{ migrated: false }`); fresh per `describe` block. */
  db: Db;
}

export interface DatabaseOptions {
  /** False: the suite gets an empty database and migrates it itself (migration tests). */
  readonly migrated?: boolean;
}

const postgresUrl = process.env.TRUCE_TEST_POSTGRES_URL;
let announced = false;

/**
 * Runs the same suite against a fresh SQLite file and, when TRUCE_TEST_POSTGRES_URL is set, a
 * fresh PostgreSQL database created for the run and dropped after it. No mocks of either.
 */
export function describeEachDatabase(
  title: string,
  suite: (t: TestDatabase) => void,
  options: DatabaseOptions = {},
): void {
  const migrated = options.migrated ?? true;
  describe(`${title} [sqlite]`, () => suite(sqliteDatabase(migrated)));
  if (postgresUrl) {
    describe(`${title} [postgres]`, () => suite(postgresDatabase(postgresUrl, migrated)));
  } else {
    if (!announced) {
      announced = true;
      console.warn(
        'PostgreSQL suite skipped: set TRUCE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres to run it',
      );
    }
    describe.skip(`${title} [postgres] (skipped: TRUCE_TEST_POSTGRES_URL is not set)`, () =>
      suite(postgresDatabase('', migrated)));
  }
}

function sqliteDatabase(migrated: boolean): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'truce-test-'));
  const t: TestDatabase = {
    name: 'sqlite',
    config: parseDatabaseUrl(`sqlite:${join(dir, 'truce.db')}`),
    db: undefined as never,
  };
  beforeAll(async () => {
    t.db = openDatabase(t.config);
    if (migrated) await migrateOrThrow(t.db);
  });
  afterAll(async () => {
    await t.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return t;
}

function postgresDatabase(baseUrl: string, migrated: boolean): TestDatabase {
  const name = `truce_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const t: TestDatabase = { name: 'postgres', config: { kind: 'postgres', url: '' }, db: undefined as never };
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const scratch = await createScratchPostgres(baseUrl, name);
    drop = scratch.drop;
    Object.assign(t, { config: parseDatabaseUrl(scratch.url) });
    t.db = openDatabase(t.config);
    if (migrated) await migrateOrThrow(t.db);
  });
  afterAll(async () => {
    await t.db?.destroy();
    await drop();
  });
  return t;
}

async function migrateOrThrow(db: Db): Promise<void> {
  const outcome = await migrateToLatest(db);
  if (outcome.error) throw outcome.error;
}
