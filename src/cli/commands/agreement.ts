import type { Command } from 'commander';
import type { ChangeContext } from '../../audit/audit-store.js';
import type { Db } from '../../platform/db/dialect.js';
import { parseFormat, withRuntime } from '../context.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Party codes shown by the name the theatre in force gives them ("ML" → "Mali"). */
async function partyNames(): Promise<(code: string) => string> {
  const { activeTheatre } = await import('../../theatre/active.js');
  const { partyName } = await import('../../theatre/parties.js');
  const theatre = activeTheatre();
  return (code) => partyName(theatre, code);
}

/** Runs `work` as a user allowed to change commitments (analyst or admin). */
async function asEditor<T>(
  command: Command,
  username: string,
  work: (db: Db, context: ChangeContext) => Promise<T>,
): Promise<T> {
  const { findUser } = await import('../../record/user-store.js');
  const { actorName, checkAgreementEditor } = await import('../../agreement/permissions.js');
  return withRuntime(command, async ({ db }) => {
    const user = await findUser(db, username);
    checkAgreementEditor(user.role);
    return work(db, { actor: actorName(user) });
  });
}

interface EvidenceOptions {
  evidence: string;
  publisher?: string;
  url?: string;
  published?: string;
}

const evidenceOf = (o: EvidenceOptions) => [
  {
    kind: 'source',
    title: o.evidence,
    publisher: o.publisher ?? null,
    url: o.url ?? null,
    published: o.published ?? null,
  },
];

const withEvidenceOptions = (c: Command) =>
  c
    .requiredOption('--evidence <title>', 'what shows it (a report, bulletin, observation)')
    .option('--publisher <name>', 'who published the evidence')
    .option('--url <url>', 'where the evidence can be read')
    .option('--published <date>', 'when the evidence was published (YYYY-MM-DD)')
    .requiredOption('--as <user>', 'the analyst or admin making the change')
    .option('--agreement <slug>', 'which agreement (default: the first recorded)');

function registerStatus(agreement: Command): void {
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
      const asOf = parseInput(AsOfText, options.asOf ?? today(), '--as-of');
      const status = await withRuntime(command, async ({ db }) => {
        const found = await getAgreement(db, options.agreement);
        return agreementStatus(found, await loadCommitmentFacts(db, found), asOf);
      });
      process.stdout.write(
        format === 'json'
          ? `${JSON.stringify(status, null, 2)}\n`
          : formatAgreementTable(status, await partyNames()),
      );
    });
}

function registerAssess(agreement: Command): void {
  withEvidenceOptions(
    agreement
      .command('assess')
      .description('add to a commitment’s status history: status, 0–3 score and evidence')
      .requiredOption('--clause <clause>', 'clause number, e.g. 6b')
      .requiredOption('--status <status>', 'pending, in_progress, fulfilled, violated or disputed')
      .requiredOption('--score <n>', '0 not initiated, 1 minimal, 2 intermediate, 3 full')
      .option('--as-of <date>', 'the day the assessment holds from (default: today)')
      .option('--note <text>', 'a short explanation'),
  ).action(async (o: EvidenceOptions & Record<string, string | undefined>, command: Command) => {
    const { getAgreement } = await import('../../agreement/agreement-store.js');
    const { recordAssessment } = await import('../../agreement/commitment-store.js');
    const { AssessmentInput } = await import('../../agreement/commitment.js');
    const { parseInput } = await import('../../platform/parse.js');
    const raw = {
      ...o,
      asOf: o.asOf ?? today(),
      score: Number(o.score),
      evidence: evidenceOf(o),
      note: o.note ?? null,
    };
    const input = parseInput(AssessmentInput, raw, 'assessment');
    const result = await asEditor(command, o.as ?? '', async (db, ctx) =>
      recordAssessment(db, ctx, (await getAgreement(db, o.agreement)).slug, input),
    );
    process.stdout.write(
      `clause ${o.clause ?? ''} assessed ${result.status} (score ${result.score}) as of ${result.asOf}\n`,
    );
  });
}

interface AmendOptions extends EvidenceOptions {
  as: string;
  agreement?: string;
  clause: string;
  deadline: string;
  decidedOn: string;
  reason: string;
  timeZone?: string;
  exclusive?: boolean;
}

function registerAmend(agreement: Command): void {
  withEvidenceOptions(
    agreement
      .command('amend')
      .description('move a commitment’s deadline, keeping the old one in its history')
      .requiredOption('--clause <clause>', 'clause number, e.g. 6a')
      .requiredOption('--deadline <date>', 'the new deadline (YYYY-MM-DD)')
      .requiredOption('--decided-on <date>', 'the day the parties agreed the change')
      .requiredOption('--reason <text>', 'why the deadline moved')
      .option('--time-zone <zone>', 'IANA zone the deadline is read in (default: the agreement’s)')
      .option('--exclusive', '"before" the date rather than "by" it'),
  ).action(async (o: AmendOptions, command: Command) => {
    const { getAgreement } = await import('../../agreement/agreement-store.js');
    const { amendDeadline } = await import('../../agreement/commitment-store.js');
    const { AmendmentInput } = await import('../../agreement/commitment.js');
    const { parseInput } = await import('../../platform/parse.js');
    const result = await asEditor(command, o.as, async (db, ctx) => {
      const found = await getAgreement(db, o.agreement);
      const deadline = {
        date: o.deadline,
        timeZone: o.timeZone ?? found.timeZone,
        inclusive: o.exclusive !== true,
      };
      const input = parseInput(AmendmentInput, { ...o, deadline, evidence: evidenceOf(o) }, 'amendment');
      return amendDeadline(db, ctx, found.slug, input);
    });
    process.stdout.write(
      `clause ${o.clause} deadline moved from ${result.previous?.date ?? 'none'} to ${result.deadline.date}\n`,
    );
  });
}

function registerLink(agreement: Command): void {
  agreement
    .command('link')
    .description('link an incident to a commitment it violates, implements, or bears on in a disputed way')
    .requiredOption('--incident <id>', 'incident id')
    .requiredOption('--clause <clause>', 'clause number')
    .requiredOption('--effect <effect>', 'violates, implements or disputed')
    .option('--note <text>', 'a short explanation')
    .requiredOption('--as <user>', 'the analyst or admin making the link')
    .option('--agreement <slug>', 'which agreement (default: the first recorded)')
    .action(async (o: Record<string, string | undefined>, command: Command) => {
      const { getAgreement } = await import('../../agreement/agreement-store.js');
      const { linkIncident } = await import('../../agreement/commitment-store.js');
      const { IncidentLinkInput } = await import('../../agreement/commitment.js');
      const { parseInput } = await import('../../platform/parse.js');
      const raw = {
        incidentId: Number(o.incident),
        clause: o.clause,
        effect: o.effect,
        note: o.note ?? null,
      };
      const input = parseInput(IncidentLinkInput, raw, 'link');
      await asEditor(command, o.as ?? '', async (db, ctx) =>
        linkIncident(db, ctx, (await getAgreement(db, o.agreement)).slug, input),
      );
      process.stdout.write(
        `incident ${o.incident ?? ''} linked to clause ${o.clause ?? ''} (${o.effect ?? ''})\n`,
      );
    });
}

function registerUnlink(agreement: Command): void {
  agreement
    .command('unlink')
    .description('remove the link between an incident and a commitment (the audit log keeps it)')
    .requiredOption('--incident <id>', 'incident id')
    .requiredOption('--clause <clause>', 'clause number')
    .requiredOption('--reason <text>', 'why the link is removed')
    .requiredOption('--as <user>', 'the analyst or admin removing the link')
    .option('--agreement <slug>', 'which agreement (default: the first recorded)')
    .action(async (o: Record<string, string | undefined>, command: Command) => {
      const { getAgreement } = await import('../../agreement/agreement-store.js');
      const { unlinkIncident } = await import('../../agreement/commitment-store.js');
      const { IncidentUnlinkInput } = await import('../../agreement/commitment.js');
      const { parseInput } = await import('../../platform/parse.js');
      const raw = { incidentId: Number(o.incident), clause: o.clause, reason: o.reason };
      const input = parseInput(IncidentUnlinkInput, raw, 'unlink');
      await asEditor(command, o.as ?? '', async (db, ctx) =>
        unlinkIncident(
          db,
          { ...ctx, reason: input.reason },
          (await getAgreement(db, o.agreement)).slug,
          input,
        ),
      );
      process.stdout.write(`incident ${o.incident ?? ''} unlinked from clause ${o.clause ?? ''}\n`);
    });
}

/** `truce agreement status|assess|amend|link|unlink`. */
export function registerAgreement(program: Command): void {
  const agreement = program.command('agreement').description('agreements, commitments and compliance');
  registerStatus(agreement);
  registerAssess(agreement);
  registerAmend(agreement);
  registerLink(agreement);
  registerUnlink(agreement);
}
