import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `truce search QUERY`: full-text over incidents, sources and statements, with the incident list's filters. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search incidents, sources and statements: words, "a phrase", prefix*, -excluded')
    .argument('<query>', 'what to find')
    .option('--type <type>', 'incident, source or statement (repeat or comma-separate)', collect)
    .option('--kind <kind>', 'incident kind (repeat or comma-separate)', collect)
    .option('--status <status>', 'status (repeat or comma-separate)', collect)
    .option('--from <date>', 'incidents on or after YYYY-MM-DD')
    .option('--to <date>', 'incidents on or before YYYY-MM-DD')
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat')
    .option('--place <name>', "place name, in any party's spelling")
    .option('--party <party>', 'a party named as actor: its code or name')
    .option('--public', 'only what the public may see')
    .option('--limit <n>', 'hits per page (1–50)', '20')
    .option('--offset <n>', 'hits to skip (0–900)', '0')
    .option('--format <format>', 'table or json', 'table')
    .action(
      async (
        query: string,
        options: Record<string, string | string[] | boolean | undefined>,
        command: Command,
      ) => {
        const format = parseFormat(typeof options.format === 'string' ? options.format : undefined, [
          'table',
          'json',
        ]);
        const { parseSearchRequest, search } = await import('../../record/search-store.js');
        const request = parseSearchRequest((name) => {
          if (name === 'q') return [query];
          const value = options[name];
          return typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
        });
        const visibility = options.public ? { kind: 'published' as const } : { kind: 'all' as const };
        const page = await withRuntime(command, (runtime) => search(runtime.db, request, visibility));
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
          return;
        }
        for (const hit of page.items) {
          const snippet = hit.snippet.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
          const incident = hit.incident ? `incident ${hit.incident.id}` : 'no incident';
          process.stdout.write(
            `${hit.type.padEnd(9)} ${String(hit.id).padStart(6)}  ${incident}  ${hit.title ?? ''}\n`,
          );
          process.stdout.write(`          ${snippet.replace(/\s+/g, ' ')}\n`);
        }
        process.stdout.write(
          `${page.items.length} ${page.items.length === 1 ? 'hit' : 'hits'} (offset ${page.offset}${page.more ? ', more follow' : ''})\n`,
        );
      },
    );
}
