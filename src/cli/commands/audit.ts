import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check the chain and every audited row; exit 1 naming the first entry that does not check')
    .option('--format <format>', 'text or json', 'text')
    .option(
      '--checkpoint <file|url>',
      'also check that the log extends this signed checkpoint (exit 1 naming it if not)',
    )
    .option(
      '--key <vkey...>',
      "the log's verifier key(s) the checkpoint must be signed by (default: the key file's)",
    )
    .action(async (options: { format?: string; checkpoint?: string; key?: string[] }, command: Command) => {
      const format = parseFormat(options.format, ['text', 'json']);
      if (options.checkpoint !== undefined) {
        const { verifyCheckpointCommand } = await import('./audit-checkpoint.js');
        process.exitCode = await verifyCheckpointCommand(command, format, options.checkpoint, options.key);
        return;
      }
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
  audit
    .command('checkpoint')
    .description('sign a checkpoint of the log as it is now (C2SP signed note) and print it')
    .option(
      '--key-file <path>',
      'the private key file (default: $TRUCE_AUDIT_KEY_FILE or ./data/audit-key.pem)',
    )
    .option('--every <seconds>', 'keep signing, every so many seconds')
    .action(async (o: { keyFile?: string; every?: string }, command: Command) => {
      const { signCheckpointCommand } = await import('./audit-checkpoint.js');
      await signCheckpointCommand(command, o);
    });
}
