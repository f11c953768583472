import type { Command } from 'commander';
import type { Runtime } from '../../platform/runtime.js';
import { withRuntime } from '../context.js';
import { parseId } from './incident.js';

async function asUser(runtime: Runtime, username: string) {
  const { findUser } = await import('../../record/user-store.js');
  return findUser(runtime.db, username);
}

const loadReview = () => import('../../record/review-store.js');

export function registerReview(program: Command): void {
  program
    .command('review')
    .description("change an incident's status (candidate → under_review → confirmed | disputed | rejected)")
    .argument('<id>', 'incident id')
    .requiredOption('--status <status>', 'the new status')
    .requiredOption('--reason <text>', 'why')
    .requiredOption('--as <user>', 'the reviewing user (analyst or admin)')
    .option('--base-version <n>', 'the version you reviewed; refused if the incident changed since')
    .action(
      async (
        idText: string,
        o: { status: string; reason: string; as: string; baseVersion?: string },
        command: Command,
      ) => {
        const id = parseId(idText, 'id');
        const baseVersion = o.baseVersion === undefined ? null : parseId(o.baseVersion, '--base-version');
        const { reviewIncident } = await loadReview();
        const result = await withRuntime(command, async (rt) =>
          reviewIncident(rt.db, await asUser(rt, o.as), {
            id,
            status: o.status,
            reason: o.reason,
            baseVersion,
          }),
        );
        process.stdout.write(`incident ${result.id} is ${result.status} (version ${result.version})\n`);
      },
    );

  program
    .command('merge')
    .description('merge one incident into another by hand (undo with unmerge)')
    .argument('<from>', 'the incident that disappears into the other')
    .requiredOption('--into <id>', 'the incident that keeps all reports')
    .requiredOption('--reason <text>', 'why')
    .requiredOption('--as <user>', 'analyst or admin')
    .action(async (fromText: string, o: { into: string; reason: string; as: string }, command: Command) => {
      const [from, into] = [parseId(fromText, 'from'), parseId(o.into, '--into')];
      const { mergeIncidents } = await loadReview();
      await withRuntime(command, async (rt) =>
        mergeIncidents(rt.db, await asUser(rt, o.as), { from, into, reason: o.reason }),
      );
      process.stdout.write(`incident ${from} merged into ${into}\n`);
    });

  program
    .command('unmerge')
    .description('undo a merge: the incident gets its reports back and returns to review')
    .argument('<id>', 'the merged incident')
    .requiredOption('--reason <text>', 'why')
    .requiredOption('--as <user>', 'analyst or admin')
    .action(async (idText: string, o: { reason: string; as: string }, command: Command) => {
      const id = parseId(idText, 'id');
      const { unmergeIncident } = await loadReview();
      await withRuntime(command, async (rt) =>
        unmergeIncident(rt.db, await asUser(rt, o.as), { id, reason: o.reason }),
      );
      process.stdout.write(`incident ${id} restored\n`);
    });

  program
    .command('split')
    .description('split a wrongly merged report out of an incident into a new incident')
    .argument('<id>', 'incident id')
    .requiredOption('--report <id>', 'the report to split out')
    .requiredOption('--reason <text>', 'why')
    .requiredOption('--as <user>', 'analyst or admin')
    .option('--base-version <n>', 'the version you looked at')
    .action(
      async (
        idText: string,
        o: { report: string; reason: string; as: string; baseVersion?: string },
        command: Command,
      ) => {
        const incidentId = parseId(idText, 'id');
        const reportId = parseId(o.report, '--report');
        const baseVersion = o.baseVersion === undefined ? null : parseId(o.baseVersion, '--base-version');
        const { splitReport } = await loadReview();
        const r = await withRuntime(command, async (rt) =>
          splitReport(rt.db, await asUser(rt, o.as), { incidentId, reportId, reason: o.reason, baseVersion }),
        );
        process.stdout.write(`report ${reportId} is now incident ${r.newIncidentId}\n`);
      },
    );

  program
    .command('respond')
    .description(
      "a liaison's response for their party: accepts, denies, disputes_attribution, adds_information",
    )
    .argument('<id>', 'incident id')
    .requiredOption('--stance <stance>', 'accepts | denies | disputes_attribution | adds_information')
    .requiredOption('--text <text>', 'the response')
    .requiredOption('--as <user>', 'the liaison')
    .action(async (idText: string, o: { stance: string; text: string; as: string }, command: Command) => {
      const incidentId = parseId(idText, 'id');
      const { respondToIncident } = await loadReview();
      const r = await withRuntime(command, async (rt) =>
        respondToIncident(rt.db, await asUser(rt, o.as), { incidentId, stance: o.stance, text: o.text }),
      );
      process.stdout.write(`response ${r.id} filed on incident ${incidentId}\n`);
    });
}
