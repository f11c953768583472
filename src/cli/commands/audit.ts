import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check the chain and every audited row; exit 1 naming the first entry that does not check')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format?: string }, command: Command) => {
      const format = parseFormat(options.format, ['text', 'json']);
      const { verifyAudit } = await import('../../audit/verify.js');
      const report = await withRuntime(command, (runtime) => verifyAudit(runtime.db));
      if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (report.ok)
        process.stdout.write(`audit chain holds: ${report.entries} entries, head ${report.headHash}\n`);
      else {
        const first = report.firstProblem;
        process.stdout.write(
          `audit chain BROKEN: ${report.problemCount} problem(s) in ${report.entries} entries\n`,
        );
        if (first)
          process.stdout.write(
            `first bad entry: ${first.seq ?? '(none)'} ${first.entity ?? ''} — ${first.message}\n`,
          );
      }
      if (!report.ok) process.exitCode = 1;
    });
}
