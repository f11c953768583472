import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { parseFormat, withRuntime } from '../context.js';

export const parseId = (value: string, field: string): number => {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw invalid(field, `must be a positive integer; got "${value}"`);
  return id;
};

export function registerIncident(program: Command): void {
  program
    .command('incident')
    .description(
      'one incident: reports, sources with evidence, merge explanations, casualties, responses, history',
    )
    .argument('<id>', 'incident id')
    .option('--format <format>', 'text or json', 'text')
    .action(async (idText: string, options: { format?: string }, command: Command) => {
      const format = parseFormat(options.format, ['text', 'json']);
      const id = parseId(idText, 'id');
      const { getIncidentDetail } = await import('../../record/incident-detail-store.js');
      const { datesText } = await import('../../vocabulary/dates.js');
      const detail = await withRuntime(command, (runtime) => getIncidentDetail(runtime.db, id));
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
        return;
      }
      const i = detail.incident;
      const out = [
        `#${i.id} ${i.title}  [${i.kind}, ${i.status}, v${i.version}]`,
        `${datesText(i)}  ${i.placeName ?? 'place unknown'}  ${[i.actor1, i.actor2].filter(Boolean).join(' / ')}`,
        ...detail.casualties.map(
          (c) =>
            `  ${c.category} (${c.population}): low ${c.low}, best ${c.best}, high ${c.high} — ${c.note}`,
        ),
        `reports (${detail.reports.length}):`,
        ...detail.reports.flatMap((r) => [
          `  report ${r.id} from ${r.source?.title ?? r.source?.url ?? 'no source'}${r.merge.score !== null ? ` — score ${r.merge.score}` : ''}`,
          ...(r.merge.explanation && 'reason' in r.merge.explanation
            ? [`    ${r.merge.explanation.reason}`]
            : []),
          ...r.spans.map((s) => `    “${s.text.slice(0, 200)}” [${s.start}, ${s.end})`),
        ]),
        ...detail.responses.map((r) => `response from ${r.party} (${r.stance}): ${r.text}`),
        `history: ${detail.history.map((h) => `${h.at.slice(0, 19)} ${h.actor} ${h.action}${h.reason ? ` (${h.reason})` : ''}`).join('; ')}`,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
