import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { parseFormat, withRuntime } from '../context.js';
import { parseId } from './incident.js';

const loadQueue = () => import('../../record/merge-queue-store.js');
const loadSuggestions = () => import('../../record/merge-suggestion-store.js');

/** `truce duplicates`: the possible-duplicate queue, and merging or dismissing a suggestion. */
export function registerDuplicates(program: Command): void {
  const command = program
    .command('duplicates')
    .description('possible duplicates the merge found (score between its thresholds), highest score first')
    .option('--status <status>', 'open, merged or dismissed', 'open')
    .option('--limit <n>', 'page size (1–500)', '50')
    .option('--format <format>', 'table or json', 'table')
    .action(async (o: { status: string; limit: string; format?: string }, cmd: Command) => {
      const format = parseFormat(o.format, ['table', 'json']);
      const { SUGGESTION_STATUSES } = await loadSuggestions();
      const status = SUGGESTION_STATUSES.find((s) => s === o.status);
      if (!status) throw invalid('--status', `must be one of ${SUGGESTION_STATUSES.join(', ')}`);
      const { listSuggestions } = await loadQueue();
      const { datesText } = await import('../../vocabulary/dates.js');
      const page = await withRuntime(cmd, (rt) =>
        listSuggestions(rt.db, { status, limit: parseId(o.limit, '--limit') }),
      );
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        return;
      }
      for (const s of page.items) {
        const side = (x: (typeof s)['incident']) =>
          `#${x.incident.id} ${x.incident.kind} ${datesText(x.incident)} ${x.incident.placeName ?? '—'}`;
        process.stdout.write(
          `${String(s.id).padStart(5)}  ${s.score.toFixed(3)}  ${side(s.incident)}  ~  ${side(s.candidate)}\n`,
        );
        process.stdout.write(`       ${s.explanation.reason}\n`);
      }
      process.stdout.write(`${page.items.length} of ${page.total} ${status}\n`);
    });
  for (const action of ['merge', 'dismiss', 'undo'] as const) {
    command
      .command(action)
      .description(
        action === 'merge'
          ? 'merge a suggested pair (the newer incident into the older)'
          : action === 'dismiss'
            ? 'dismiss a suggestion; the pair is not suggested again'
            : 'undo a merge made from the queue',
      )
      .argument('<id>', 'suggestion id')
      .requiredOption('--reason <text>', 'why')
      .requiredOption('--as <user>', 'analyst or admin')
      .action(async (idText: string, o: { reason: string; as: string }, cmd: Command) => {
        const id = parseId(idText, 'id');
        const { decideSuggestion } = await loadSuggestions();
        const { findUser } = await import('../../record/user-store.js');
        const result = await withRuntime(cmd, async (rt) =>
          decideSuggestion(rt.db, await findUser(rt.db, o.as), { id, action, reason: o.reason }),
        );
        process.stdout.write(`suggestion ${result.id} is ${result.status}\n`);
      });
  }
}
