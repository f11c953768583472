import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../../platform/db/dialect.js';
import { invalid } from '../../platform/errors.js';
import type { ExportFilters } from '../../exchange/export-filters.js';
import type { IncidentStatus } from '../../record/taxonomy.js';

/** `truce export --format json --proofs`: the incidents the filters select, with their proofs. */
export async function writeProofExport(
  db: Db,
  filters: ExportFilters,
  statuses: readonly IncidentStatus[],
  output: unknown,
): Promise<void> {
  const { proofExportText } = await import('../../audit/proof-export.js');
  const text = await proofExportText(db, filters, statuses);
  if (typeof output === 'string') writeFileSync(output, text);
  else process.stdout.write(text);
}

/** `truce verify FILE`: an export with proofs checked offline; exit 1 naming each bad incident. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('check an export made with --proofs, with no database: signatures, proofs, entry hashes')
    .argument('<file>')
    .requiredOption('--key <vkey...>', "the log's verifier key(s)")
    .option('--witness <vkey...>', 'witnesses whose cosignatures to report')
    .option('--format <format>', 'text or json', 'text')
    .action(async (file: string, o: { key: string[]; witness?: string[]; format: string }) => {
      const [{ readFileSync }, { parseVerifierKey }, { verifyProofExport }] = await Promise.all([
        import('node:fs'),
        import('../../audit/note.js'),
        import('../../audit/proof-verify.js'),
      ]);
      const keys = (list: string[], flag: string) =>
        list.map((k) => {
          try {
            return parseVerifierKey(k);
          } catch (error) {
            throw invalid(flag, (error as Error).message);
          }
        });
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw invalid('file', `${file} is not JSON: ${(error as Error).message}`);
      }
      const report = await verifyProofExport(
        document,
        keys(o.key, '--key'),
        keys(o.witness ?? [], '--witness'),
      );
      if (o.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (report.ok)
        process.stdout.write(
          `export verifies: ${report.incidents} incidents in checkpoint ${report.checkpoint?.origin} size ${report.checkpoint?.size}` +
            `, cosigned by ${report.cosignedBy.join(', ') || 'no witness given'}\n`,
        );
      else for (const p of report.problems) process.stdout.write(`FAILS: ${p.message}\n`);
      if (!report.ok) process.exitCode = 1;
    });
}
