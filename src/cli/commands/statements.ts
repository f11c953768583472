import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

export function registerStatements(program: Command): void {
  program
    .command('statements')
    .description('who said what, when, where it was published')
    .option('--speaker <name>', "any spelling of the speaker's name")
    .option('--from <date>', 'on or after YYYY-MM-DD')
    .option('--to <date>', 'on or before YYYY-MM-DD')
    .option('--format <format>', 'table or json', 'table')
    .action(
      async (o: { speaker?: string; from?: string; to?: string; format?: string }, command: Command) => {
        const format = parseFormat(o.format, ['table', 'json']);
        const { parseInput } = await import('../../platform/parse.js');
        const { IsoDate } = await import('../../record/schemas.js');
        const date = (value: string | undefined, field: string) =>
          value === undefined ? undefined : parseInput(IsoDate, value, field);
        const query = { speaker: o.speaker, from: date(o.from, '--from'), to: date(o.to, '--to') };
        const { listStatements } = await import('../../record/statement-store.js');
        const rows = await withRuntime(command, (rt) => listStatements(rt.db, query, { kind: 'all' }));
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const s of rows) {
          process.stdout.write(
            `${s.date ?? '----------'}  ${(s.actor?.name ?? s.speaker).padEnd(24)} ${s.direct ? '“' : '(indirect) '}${s.text.slice(0, 120)}${s.direct ? '”' : ''}  [${s.source?.title ?? s.source?.url ?? ''}]\n`,
          );
        }
        process.stdout.write(`${rows.length} statements\n`);
      },
    );
}
