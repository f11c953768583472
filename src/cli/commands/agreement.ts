import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

/** `truce agreement status`: compliance of every commitment as of a date. */
export function registerAgreement(program: Command): void {
  const agreement = program.command('agreement').description('agreements, commitments and compliance');
  agreement
    .command('status')
    .description('each commitment’s status and 0–3 implementation score as of a date (default: today)')
    .option('--as-of <date>', 'YYYY-MM-DD, or a date-time with offset such as 2020-11-20T23:30:00+03:00')
    .option('--agreement <slug>', 'which agreement (default: the first recorded)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { asOf?: string; agreement?: string; format?: string }, command: Command) => {
      const format = parseFormat(options.format, ['table', 'json']);
      const { parseInput } = await import('../../platform/parse.js');
      const { AsOfText } = await import('../../agreement/as-of.js');
      const { agreementStatus, formatAgreementTable } = await import('../../agreement/agreement-status.js');
      const { getAgreement } = await import('../../agreement/agreement-store.js');
      const { loadCommitmentFacts } = await import('../../agreement/commitment-store.js');
      const asOf = parseInput(AsOfText, options.asOf ?? new Date().toISOString().slice(0, 10), '--as-of');
      const status = await withRuntime(command, async ({ db }) => {
        const found = await getAgreement(db, options.agreement);
        return agreementStatus(found, await loadCommitmentFacts(db, found), asOf);
      });
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : formatAgreementTable(status),
      );
    });
}
