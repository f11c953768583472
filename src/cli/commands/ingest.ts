import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { parseFormat, withRuntime } from '../context.js';
import { actorOfText } from '../../audit/actor.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'capture documents (files, folders, URLs), extract them and merge their reports into incidents',
    )
    .argument('<inputs...>', 'files, folders (walked) or http(s) URLs')
    .option('--published <date>', 'publication date YYYY-MM-DD for inputs that do not say')
    .option('--as <user>', 'who ingests (recorded in the audit log)', 'system:ingest')
    .option('--format <format>', 'text or json', 'text')
    .option(
      '--queue',
      'PostgreSQL: queue the inputs for `truce worker` processes instead of ingesting them here',
    )
    .action(
      async (
        inputs: string[],
        options: { published?: string; as: string; format?: string; queue?: boolean },
        command: Command,
      ) => {
        const format = parseFormat(options.format, ['text', 'json']);
        if (options.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.published)) {
          throw invalid('--published', 'must be a date YYYY-MM-DD');
        }
        if (options.queue) {
          const { enqueueIngest } = await import('../../record/ingest-worker.js');
          const queued = await withRuntime(command, (runtime) =>
            enqueueIngest(runtime, inputs, {
              published: options.published ?? null,
              actor: actorOfText(options.as),
            }),
          );
          if (format === 'json') process.stdout.write(`${JSON.stringify({ queued }, null, 2)}\n`);
          else process.stdout.write(`${queued} inputs queued for the ingest workers\n`);
          return;
        }
        const { runIngest } = await import('../../record/ingest-run-store.js');
        const summary = await withRuntime(command, (runtime) =>
          runIngest(runtime.db, inputs, {
            published: options.published ?? null,
            actor: actorOfText(options.as),
            onProgress: process.stderr.isTTY
              ? (done, total) => process.stderr.write(`\r${done}/${total}`)
              : undefined,
            onOutcome:
              format === 'text'
                ? (o) =>
                    process.stdout.write(
                      `${o.status.padEnd(9)} ${o.label}${'reason' in o ? ` — ${o.reason}` : ''}\n`,
                    )
                : undefined,
          }),
        );
        if (process.stderr.isTTY) process.stderr.write('\n');
        if (format === 'json') process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          const c = summary.counts;
          process.stdout.write(
            `${summary.outcomes.length} inputs: ${c.new} new, ${c.version} new versions, ${c.duplicate} duplicates, ${c.failed} failed; ${c.reports} reports, ${c.opened} incidents opened, ${c.joined} reports joined existing incidents\n`,
          );
        }
        if (summary.counts.failed > 0) process.exitCode = 1;
      },
    );
}
