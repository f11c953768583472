import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

/** `truce mission status`: mandate term and notice dates, strength against ceilings, posts, activity. */
export function registerMission(program: Command): void {
  const mission = program.command('mission').description('the mission: mandate, posts and daily activity');
  mission
    .command('status')
    .description(
      'term end, next notice date, strength against the ceilings, open posts and activity as of a date',
    )
    .option('--as-of <date>', 'YYYY-MM-DD (default: today)')
    .option('--mission <slug>', 'which mission (default: the first recorded)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { asOf?: string; mission?: string; format?: string }, command: Command) => {
      const format = parseFormat(options.format, ['table', 'json']);
      const { parseInput } = await import('../../platform/parse.js');
      const { IsoDate } = await import('../../record/schemas.js');
      const { missionStatus } = await import('../../agreement/mission.js');
      const { formatMissionTable } = await import('../../agreement/mission-format.js');
      const { loadMissionFacts } = await import('../../agreement/mission-store.js');
      const asOf = parseInput(IsoDate, options.asOf ?? new Date().toISOString().slice(0, 10), '--as-of');
      const status = await withRuntime(command, async ({ db }) =>
        missionStatus(await loadMissionFacts(db, options.mission), asOf),
      );
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : formatMissionTable(status),
      );
    });
}
