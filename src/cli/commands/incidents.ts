import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerIncidents(program: Command): void {
  program
    .command('incidents')
    .description('list incidents, newest first')
    .option('--kind <kind>', 'incident kind (repeat or comma-separate)', collect)
    .option('--status <status>', 'status (repeat or comma-separate)', collect)
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
    .option('--party <party>', 'a party named as actor: its code or name (e.g. ML or Mali)')
    .option('--limit <n>', 'page size (1–500)', '50')
    .option('--offset <n>', 'rows to skip (at most 10000; page further with --after)', '0')
    .option('--after <cursor>', 'the page after this cursor (printed under a page)')
    .option('--before <cursor>', 'the page before this cursor')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: Record<string, string | string[] | undefined>, command: Command) => {
      const format = parseFormat(typeof options.format === 'string' ? options.format : undefined, [
        'table',
        'json',
      ]);
      const { parseIncidentFilters } = await import('../../record/incident-filters.js');
      const { listIncidents } = await import('../../record/incident-list-store.js');
      const { NO_DATE_TEXT: NO_DATE } = await import('../../vocabulary/dates.js');
      const query = parseIncidentFilters((name) => {
        const value = options[name];
        return value === undefined ? undefined : Array.isArray(value) ? value : [value];
      });
      const page = await withRuntime(command, (runtime) => listIncidents(runtime.db, query));
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        return;
      }
      for (const i of page.items) {
        process.stdout.write(
          `${String(i.id).padStart(6)}  ${(i.dateStart ?? NO_DATE).padEnd(NO_DATE.length)}  ${i.kind.padEnd(20)} ${i.status.padEnd(12)} ${i.placeName ?? ''}  ${i.title}\n`,
        );
      }
      const total = page.totalCapped ? `more than ${page.total}` : String(page.total);
      process.stdout.write(`${page.items.length} of ${total} (from ${page.offset + 1})\n`);
      if (page.nextCursor) process.stdout.write(`next page: --after ${page.nextCursor}\n`);
    });
}
