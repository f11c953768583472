import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { withRuntime } from '../context.js';

const FORMATS = ['md', 'html', 'json'] as const;

/**
 * `truce bulletin --date D`: the day's bulletin, ending with the audit chain's head and a
 * checkpoint signed for it (with the center's key, when `truce keys init` made one).
 */
export function registerBulletin(program: Command): void {
  program
    .command('bulletin')
    .description(
      'the daily bulletin: violations by area, the mission’s activity, commitments due or overdue, statements',
    )
    .option('--date <date>', 'YYYY-MM-DD (default: today)')
    .option('--mission <slug>', 'which mission (default: the first recorded)')
    .option('--agreement <slug>', 'which agreement (default: the mission’s)')
    .option('--format <format>', 'md, html or json', 'md')
    .action(
      async (
        options: { date?: string; mission?: string; agreement?: string; format?: string },
        command: Command,
      ) => {
        const format = parseBulletinFormat(options.format);
        const { parseInput } = await import('../../platform/parse.js');
        const { IsoDate } = await import('../../record/schemas.js');
        const { buildBulletin } = await import('../../agreement/bulletin.js');
        const { renderHtml, renderMarkdown } = await import('../../agreement/bulletin-render.js');
        const { loadBulletinInputs } = await import('../../agreement/bulletin-store.js');
        const { auditKeySettings, loadSignerIfPresent } = await import('../../audit/keys.js');
        const signer = loadSignerIfPresent(auditKeySettings(process.env));
        const date = parseInput(IsoDate, options.date ?? new Date().toISOString().slice(0, 10), '--date');
        const bulletin = buildBulletin(
          await withRuntime(command, ({ db }) =>
            loadBulletinInputs(db, {
              date,
              signer,
              ...(options.mission ? { mission: options.mission } : {}),
              ...(options.agreement ? { agreement: options.agreement } : {}),
            }),
          ),
        );
        if (format === 'json') process.stdout.write(`${JSON.stringify(bulletin, null, 2)}\n`);
        else process.stdout.write(format === 'html' ? renderHtml(bulletin) : renderMarkdown(bulletin));
      },
    );
}

function parseBulletinFormat(value: string | undefined): (typeof FORMATS)[number] {
  const format = value ?? 'md';
  const found = FORMATS.find((f) => f === format);
  if (!found) throw invalid('--format', `must be one of ${FORMATS.join(', ')}; got "${format}"`);
  return found;
}
