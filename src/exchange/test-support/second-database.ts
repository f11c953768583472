import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDatabaseUrl } from '../../platform/config.js';
import { createScratchPostgres, openDatabase, type Db } from '../../platform/db/dialect.js';
import { migrateToLatest } from '../../platform/db/migrate.js';

/** A second, empty, migrated database of the same kind as the suite's (for round trips). */
export async function secondDatabase(
  kind: 'sqlite' | 'postgres',
): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'truce-exchange-'));
    const url = `sqlite:${join(dir, 'second.db')}`;
    const db = openDatabase(parseDatabaseUrl(url));
    await migrateToLatest(db);
    return {
      db,
      url,
      async drop() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.TRUCE_TEST_POSTGRES_URL ?? '';
  const scratch = await createScratchPostgres(base, `truce_exchange_${process.pid}_${Date.now() % 1e6}`);
  const db = openDatabase(parseDatabaseUrl(scratch.url));
  await migrateToLatest(db);
  return {
    db,
    url: scratch.url,
    async drop() {
      await db.destroy();
      await scratch.drop();
    },
  };
}
