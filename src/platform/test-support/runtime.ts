import type { TestDatabase } from '../db/test-support/databases.js';
import { createLogger } from '../log.js';
import type { Runtime } from '../runtime.js';

/**
 * The runtime a test builds an app or a command on: the suite's database, silent logs, a server
 * address that is never bound, nothing to close (the suite closes its database).
 *
 * @example createApp(testRuntime(t))
 */
export function testRuntime(t: Pick<TestDatabase, 'config' | 'db'>): Runtime {
  return {
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  };
}
