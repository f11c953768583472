import type { Config } from './config.js';
import { openDatabase, type Db } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { TruceError } from './errors.js';
import { createLogger, type Logger } from './log.js';

/** Everything a command or the server needs, built in one place. */
export interface Runtime {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  close(): Promise<void>;
}

/** Opens the database and brings its schema up to date (migrations also run on every start). */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.database);
  if (options.migrate ?? true) {
    const outcome = await migrateToLatest(db).catch((error: unknown) => ({
      applied: [],
      failed: 'connect',
      error,
    }));
    if (outcome.error) {
      await db.destroy();
      const detail = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      throw new TruceError(
        'unavailable',
        `database ${redact(config.database.url)}: migration ${outcome.failed ?? ''} failed: ${detail}`,
      );
    }
    if (outcome.applied.length > 0) log.info('migrated', { applied: outcome.applied });
  }
  return { config, db, log, close: () => db.destroy() };
}

/** A database URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
