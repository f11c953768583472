import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

/** `truce demo [--theatre NAME|FILE]`: loads a theatre's agreement, mission and demo record (idempotent). */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'load the demo: by default the demo theatre’s agreement, mission and five weeks of record (see README); with --theatre, that pack’s agreement and mission',
    )
    .option(
      '--theatre <pack>',
      'the theatre pack (shipped name or file) whose demo to load (default: the demo theatre)',
    )
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format?: string; theatre?: string }, command: Command) => {
      const format = parseFormat(options.format, ['text', 'json']);
      const [{ loadDemo }, { DEFAULT_DEMO_THEATRE }] = await Promise.all([
        import('../../demo/load-demo.js'),
        import('../../demo/scripts.js'),
      ]);
      const global = command.optsWithGlobals<{ theatre?: string }>().theatre;
      const theatre = options.theatre ?? demoTheatre(global, DEFAULT_DEMO_THEATRE);
      const outcome = await withRuntime(command, ({ db }) => loadDemo(db, { actor: 'demo:cli', theatre }));
      if (format === 'json') process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      else if (outcome.kind === 'already_loaded')
        process.stdout.write(`demo already loaded (agreement ${outcome.agreement}); nothing changed\n`);
      else {
        const c = outcome.counts;
        process.stdout.write(
          `demo loaded: agreement ${outcome.agreement} (${c.commitments} commitments), mission ${outcome.mission ?? '—'} ` +
            `(${c.posts} posts, ${c.activityDays} days of activity), ${c.incidents} incidents, ` +
            `${c.assessments} assessments, ${c.statements} statements\n`,
        );
      }
    });
}

/**
 * The pack whose demo to load: the first one named other than `international` (the program's
 * `--theatre` may list several; `international` alone is refused by the loader, as it holds no
 * agreement), else the default demo's.
 *
 * @example demoTheatre('international,donbas-2015', DEFAULT_DEMO_THEATRE) // 'donbas-2015'
 */
function demoTheatre(selection: string | undefined, fallback: string): string {
  const named = (selection ?? '').split(',').map((n) => n.trim());
  const given = named.filter((n) => n !== '');
  return given.find((n) => n !== 'international') ?? given[0] ?? fallback;
}
