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
    .option('--report <format>', 'text or json', 'text')
    .action(
      async (
        file: string,
        options: { format: string; status: string; as: string; report?: string },
        command: Command,
      ) => {
        if (options.format !== 'acled') throw invalid('--format', `must be acled; got "${options.format}"`);
        const status = INCIDENT_STATUSES.find((s) => s === options.status && s !== 'merged');
        if (!status)
          throw invalid('--status', 'must be candidate, under_review, confirmed, disputed or rejected');
        const report = parseFormat(options.report, ['text', 'json']);
        const [{ importAcled }, { createReadStream }, { access }] = await Promise.all([
          import('../../exchange/acled-import.js'),
          import('node:fs'),
          import('node:fs/promises'),
        ]);
        if (file !== '-')
          await access(file).catch(() => Promise.reject(invalid('file', `cannot read ${file}`)));
        const input = file === '-' ? process.stdin : createReadStream(file);
        const failures: string[] = [];
        const summary = await withRuntime(command, (runtime) =>
          importAcled(runtime.db, input, {
            actor: actorOfText(options.as),
            status,
            onOutcome: (o) => {
              if (o.status !== 'failed') return;
              const line = `row ${o.row} (line ${o.line}), column ${o.column}: ${o.rule}`;
              failures.push(line);
              if (report === 'text') process.stderr.write(`failed   ${line}\n`);
            },
          }),
        );
        if (report === 'json') process.stdout.write(`${JSON.stringify({ ...summary, failures }, null, 2)}\n`);
        else
          process.stdout.write(
            `${summary.imported} imported, ${summary.duplicate} already present, ${summary.failed} failed\n`,
          );
        if (summary.failed > 0) process.exitCode = 1;
      },
    );
}
