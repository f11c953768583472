import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { INCIDENT_STATUSES } from '../../record/taxonomy.js';
import { parseFormat, withRuntime } from '../context.js';
import { actorOfText } from '../../audit/actor.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import ACLED rows as incidents with their sources (idempotent on event_id_cnty)')
    .argument('<file>', 'an ACLED CSV export, or - for standard input')
    .requiredOption('--format <format>', 'the file format: acled')
    .option('--status <status>', 'status of the imported incidents', 'candidate')
    .option('--as <user>', 'who imports (recorded in the audit log)', 'system:import')
    .option('--date-order <order>', 'how to read an all-numeric date such as 03/04/2020: dmy or mdy')
    .option('--report <format>', 'text or json', 'text')
    .action(
      async (
        file: string,
        options: { format: string; status: string; as: string; report?: string; dateOrder?: string },
        command: Command,
      ) => {
        if (options.format !== 'acled') throw invalid('--format', `must be acled; got "${options.format}"`);
        const status = INCIDENT_STATUSES.find((s) => s === options.status && s !== 'merged');
        if (!status)
          throw invalid('--status', 'must be candidate, under_review, confirmed, disputed or rejected');
        const report = parseFormat(options.report, ['text', 'json']);
        const dateOrder = options.dateOrder === undefined ? undefined : parseDateOrder(options.dateOrder);
        const [{ importAcled }, { createReadStream }, { access }] = await Promise.all([
          import('../../exchange/acled-import.js'),
          import('node:fs'),
          import('node:fs/promises'),
        ]);
        if (file !== '-')
          await access(file).catch(() => Promise.reject(invalid('file', `cannot read ${file}`)));
        const input = file === '-' ? process.stdin : createReadStream(file);
        const failures: string[] = [];
        const repeated: string[] = [];
        const summary = await withRuntime(command, (runtime) =>
          importAcled(runtime.db, input, {
            actor: actorOfText(options.as),
            status,
            ...(dateOrder ? { dateOrder } : {}),
            onOutcome: (o) => {
              if (o.status === 'repeated') {
                const line = `${o.eventId} (row ${o.row}) again in rows ${o.repeatedIn.join(', ')}`;
                repeated.push(line);
                if (report === 'text') process.stderr.write(`repeated ${line}: only the first is read\n`);
              }
              if (o.status !== 'failed') return;
              const line = `row ${o.row} (line ${o.line}), column ${o.column}: ${o.rule}`;
              failures.push(line);
              if (report === 'text') process.stderr.write(`failed   ${line}\n`);
            },
          }),
        );
        if (report === 'json')
          process.stdout.write(`${JSON.stringify({ ...summary, failures, repeated }, null, 2)}\n`);
        else
          process.stdout.write(
            `${summary.imported} imported, ${summary.duplicate} already present, ${summary.repeated} repeated in the file, ${summary.failed} failed\n`,
          );
        if (summary.failed > 0) process.exitCode = 1;
      },
    );
}

function parseDateOrder(value: string): 'dmy' | 'mdy' {
  if (value === 'dmy' || value === 'mdy') return value;
  throw invalid('--date-order', `must be dmy or mdy; got "${value}"`);
}
