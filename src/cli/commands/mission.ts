import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';

/** `truce mission status|activity|correct`: mandate term and notice dates, strength, posts; filing daily activity. */
export function registerMission(program: Command): void {
  const mission = program.command('mission').description('the mission: mandate, posts and daily activity');
  registerActivity(mission);
  registerCorrect(mission);
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

async function readJson(file: string): Promise<unknown> {
  const { readFile } = await import('node:fs/promises');
  const { invalid } = await import('../../platform/errors.js');
  const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(file, 'must hold JSON: one daily record or an array of them');
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

type Outcome =
  | { day: unknown; kind: 'recorded' }
  | { day: unknown; kind: 'refused'; code: string; message: string; exit: number };

function registerActivity(mission: Command): void {
  mission
    .command('activity')
    .description(
      'file daily activity records (JSON: one record or an array); each day is recorded or refused on its own',
    )
    .argument('<file>', 'a JSON file, or - for stdin')
    .requiredOption('--as <user>', 'the monitor, analyst or admin filing the records')
    .option('--mission <slug>', 'which mission (default: the first recorded)')
    .option('--format <format>', 'text or json', 'text')
    .action(
      async (file: string, options: { as: string; mission?: string; format?: string }, command: Command) => {
        const format = parseFormat(options.format, ['text', 'json']);
        const { TruceError, exitCodeOf } = await import('../../platform/errors.js');
        const { parseInput } = await import('../../platform/parse.js');
        const { ActivityInput } = await import('../../agreement/activity.js');
        const { findUser } = await import('../../record/user-store.js');
        const { actorName, checkActivityFiler } = await import('../../agreement/permissions.js');
        const { loadMissionFacts, recordActivity } = await import('../../agreement/mission-store.js');
        const body = await readJson(file);
        const records: unknown[] = Array.isArray(body) ? body : [body];
        const outcomes = await withRuntime(command, async ({ db }) => {
          const user = await findUser(db, options.as);
          checkActivityFiler(user.role);
          const slug = (await loadMissionFacts(db, options.mission)).slug;
          const done: Outcome[] = [];
          for (const record of records) {
            const day = typeof record === 'object' && record !== null && 'day' in record ? record.day : null;
            try {
              await recordActivity(
                db,
                { actor: actorName(user) },
                slug,
                parseInput(ActivityInput, record, 'activity'),
              );
              done.push({ day, kind: 'recorded' });
            } catch (error) {
              if (!(error instanceof TruceError)) throw error;
              done.push({
                day,
                kind: 'refused',
                code: error.code,
                message: error.message,
                exit: exitCodeOf(error),
              });
            }
          }
          return done;
        });
        if (format === 'json') process.stdout.write(`${JSON.stringify({ outcomes }, null, 2)}\n`);
        else
          for (const o of outcomes)
            process.stdout.write(
              `${String(o.day)}: ${o.kind === 'recorded' ? 'recorded' : `refused (${o.message})`}\n`,
            );
        const refused = outcomes.find((o) => o.kind === 'refused');
        if (refused?.kind === 'refused') process.exitCode = refused.exit;
      },
    );
}

function registerCorrect(mission: Command): void {
  mission
    .command('correct')
    .description("correct a filed day's figures (JSON of the fields that change); the old values are kept")
    .argument('<day>', 'the day filed (YYYY-MM-DD)')
    .argument('<file>', 'a JSON file of the fields that change, or - for stdin')
    .requiredOption('--reason <text>', 'why the day is corrected')
    .requiredOption('--as <user>', 'the monitor, analyst or admin correcting the day')
    .option('--mission <slug>', 'which mission (default: the first recorded)')
    .action(
      async (
        day: string,
        file: string,
        options: { as: string; reason: string; mission?: string },
        command: Command,
      ) => {
        const { invalid } = await import('../../platform/errors.js');
        const { parseInput } = await import('../../platform/parse.js');
        const { IsoDate } = await import('../../record/schemas.js');
        const { ActivityCorrectionInput } = await import('../../agreement/activity.js');
        const { findUser } = await import('../../record/user-store.js');
        const { actorName, checkActivityFiler } = await import('../../agreement/permissions.js');
        const { correctActivity, loadMissionFacts } = await import('../../agreement/mission-store.js');
        const changes = await readJson(file);
        if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
          throw invalid(file, 'must hold one JSON object of the fields that change');
        const input = parseInput(
          ActivityCorrectionInput,
          { ...changes, reason: options.reason },
          'correction',
        );
        const corrected = await withRuntime(command, async ({ db }) => {
          const user = await findUser(db, options.as);
          checkActivityFiler(user.role);
          const slug = (await loadMissionFacts(db, options.mission)).slug;
          const context = { actor: actorName(user), reason: input.reason };
          return correctActivity(db, context, { slug, day: parseInput(IsoDate, day, '<day>'), input });
        });
        const last = corrected.corrections.at(-1);
        process.stdout.write(`${day}: corrected ${last?.changed.join(', ') ?? ''}\n`);
      },
    );
}
