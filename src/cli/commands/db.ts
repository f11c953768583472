import type { Command } from 'commander';
import { TruceError } from '../../platform/errors.js';
import { configFrom } from '../context.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply the migrations that have not run yet (also done on every start)')
    .action(async (_options: unknown, command: Command) => {
      const { openDatabase } = await import('../../platform/db/dialect.js');
      const { migrateToLatest } = await import('../../platform/db/migrate.js');
      const handle = openDatabase((await configFrom(command)).database);
      try {
        const outcome = await migrateToLatest(handle);
        for (const name of outcome.applied) process.stdout.write(`applied ${name}\n`);
        if (outcome.error)
          throw new TruceError(
            'unavailable',
            `migration ${outcome.failed ?? ''} failed: ${String(outcome.error)}`,
          );
        if (outcome.applied.length === 0) process.stdout.write('schema is up to date\n');
      } finally {
        await handle.destroy();
      }
    });
}
