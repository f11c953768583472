import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { withRuntime } from '../context.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const FORMATS = ['acled', 'ucdp', 'geojson', 'hxl', 'json'] as const;

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('stream incidents as ACLED CSV, UCDP-style CSV, GeoJSON, HXL-tagged CSV or JSON')
    .requiredOption('--format <format>', FORMATS.join(', '))
    .option('--kind <kind>', 'incident kind (repeat or comma-separate)', collect)
    .option('--status <status>', 'status (default: every live status; repeat or comma-separate)', collect)
    .option('--from <date>', 'incidents on or after YYYY-MM-DD')
    .option('--to <date>', 'incidents on or before YYYY-MM-DD')
    .option(
      '--undated <which>',
      '1: only incidents no report dates (not with --from/--to); 0: only dated ones',
    )
    .option(
      '--located <which>',
      'no: only incidents with no coordinates (not with --bbox); yes: only placed ones',
    )
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat')
    .option('--place <name>', "place name, in any party's spelling")
    .option('--party <party>', 'a party named as actor')
    .option('--public', 'only what the public may see (confirmed incidents)')
    .option('--bom', 'start CSVs with a UTF-8 byte-order mark (for Excel)')
    .option('--output <file>', 'write to a file instead of standard output')
    .option(
      '--proofs',
      'json only: per incident its audit entries, their inclusion proofs and the signed checkpoint (check with truce verify)',
    )
    .action(async (options: Record<string, string | string[] | boolean | undefined>, command: Command) => {
      const format = FORMATS.find((f) => f === options.format);
      if (!format)
        throw invalid('--format', `must be one of ${FORMATS.join(', ')}; got "${String(options.format)}"`);
      const [
        { parseIncidentFilters },
        { exportIncidents },
        { exportStatuses },
        { pipeline },
        { createWriteStream },
      ] = await Promise.all([
        import('../../record/incident-filters.js'),
        import('../../exchange/export.js'),
        import('../../exchange/export-filters.js'),
        import('node:stream/promises'),
        import('node:fs'),
      ]);
      const filters = parseIncidentFilters((name) => {
        const value = options[name];
        return typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
      });
      const statuses = exportStatuses(filters.status, { publicOnly: options.public === true });
      if (options.proofs === true) {
        if (format !== 'json') throw invalid('--proofs', 'goes with --format json');
        const { writeProofExport } = await import('./export-proofs.js');
        await withRuntime(command, (runtime) =>
          writeProofExport(runtime.db, filters, statuses, options.output),
        );
        return;
      }
      await withRuntime(command, async (runtime) => {
        const { body, leftOut } = exportIncidents(runtime.db, {
          format,
          filters,
          statuses,
          bom: options.bom === true,
        });
        const out = typeof options.output === 'string' ? createWriteStream(options.output) : process.stdout;
        await pipeline(body, out, { end: out !== process.stdout });
        const left = await leftOut();
        if (left) process.stderr.write(`left out ${left.count} incident(s): ${left.reason}\n`);
      });
    });
}
