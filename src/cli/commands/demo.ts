import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

/** `truce demo`: loads the demo agreement, mission, activity and incidents (idempotent). */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'load the demo: the 10 November 2020 Nagorno-Karabakh statement, its peacekeeping mission and five weeks of record',
    )
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format?: string }, command: Command) => {
      const format = parseFormat(options.format, ['text', 'json']);
      const { loadDemo } = await import('../../demo/load-demo.js');
      const outcome = await withRuntime(command, ({ db }) => loadDemo(db, { actor: 'demo:cli' }));
      if (format === 'json') process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      else if (outcome.kind === 'already_loaded')
        process.stdout.write(`demo already loaded (agreement ${outcome.agreement}); nothing changed\n`);
      else {
        const c = outcome.counts;
        process.stdout.write(
          `demo loaded: agreement ${outcome.agreement} (${c.commitments} commitments), mission ${outcome.mission} ` +
            `(${c.posts} posts, ${c.activityDays} days of activity), ${c.incidents} incidents, ` +
            `${c.assessments} assessments, ${c.statements} statements\n`,
        );
      }
    });
}
