import { publicActor } from '../audit/actor.js';
import type { Agreement, Amendment, Assessment, IncidentLink } from './commitment.js';
import {
  complianceAsOf,
  implementationByParty,
  summariseImplementation,
  type CommitmentFacts,
  type Compliance,
  type ImplementationSummary,
} from './compliance.js';
import { dateOf, hasHappened, instantOf, type AsOf } from './deadline.js';

/** What is on record about a commitment up to the date asked about, oldest first. */
export interface CommitmentHistory {
  /** Every deadline move decided by then, each with the deadline it replaced. */
  readonly amendments: readonly Omit<Amendment, 'id'>[];
  readonly assessments: readonly Omit<Assessment, 'id'>[];
  readonly links: readonly Omit<IncidentLink, 'incidentRecorded'>[];
}

export type CommitmentStatus = Compliance & { readonly history: CommitmentHistory };

/**
 * The amendments decided, the assessments made and the incidents linked by `asOf`, for people
 * to see how a commitment came to its status (the old deadline beside the new).
 *
 * @example commitmentHistory(facts, asOfDate('2020-11-21')).amendments[0]?.previous?.date // '2020-11-15'
 */
export function commitmentHistory(facts: CommitmentFacts, asOf: AsOf): CommitmentHistory {
  const happened = (date: string) => hasHappened(date, asOf, facts.timeZone);
  const byDate = <T extends { readonly id: number }>(items: readonly T[], date: (t: T) => string) =>
    items.filter((i) => happened(date(i))).sort((a, b) => date(a).localeCompare(date(b)) || a.id - b.id);
  return {
    amendments: byDate(facts.amendments, (a) => a.decidedOn).map(({ id: _id, ...a }) => a),
    assessments: byDate(facts.assessments, (a) => a.asOf).map(({ id: _id, ...a }) => a),
    links: facts.links
      .filter((l) => happened(l.incidentDate ?? l.incidentRecorded))
      .map(({ incidentRecorded: _recorded, ...l }) => l),
  };
}

export interface AgreementStatus {
  readonly agreement: Pick<Agreement, 'slug' | 'title' | 'signedOn' | 'effectiveAt' | 'timeZone' | 'parties'>;
  readonly asOf: { readonly date: string; readonly instant: string; readonly timeZone: string };
  readonly commitments: readonly CommitmentStatus[];
  readonly implementation: ImplementationSummary;
  readonly byParty: Readonly<Record<string, ImplementationSummary>>;
}

/**
 * Compliance of every commitment of an agreement as of a date, with implementation overall and
 * per party.
 *
 * @example agreementStatus(agreement, facts, asOfDate('2020-11-21')).commitments.find((c) => c.clause === '2')?.status // 'fulfilled'
 */
export function agreementStatus(
  agreement: Agreement,
  facts: readonly CommitmentFacts[],
  asOf: AsOf,
): AgreementStatus {
  const commitments = facts
    .map((f) => ({ ...complianceAsOf(f, asOf), history: commitmentHistory(f, asOf) }))
    .sort((a, b) => compareClauses(a.clause, b.clause));
  return {
    agreement: {
      slug: agreement.slug,
      title: agreement.title,
      signedOn: agreement.signedOn,
      effectiveAt: agreement.effectiveAt,
      timeZone: agreement.timeZone,
      parties: agreement.parties,
    },
    asOf: {
      date: dateOf(asOf, agreement.timeZone),
      instant: instantOf(asOf, agreement.timeZone).toISOString(),
      timeZone: agreement.timeZone,
    },
    commitments,
    implementation: summariseImplementation(commitments),
    byParty: implementationByParty(commitments),
  };
}

/**
 * The status as a caller outside the center sees it: who assessed shown as the monitoring center,
 * and only the linked incidents the caller may see (`isVisible`), so a candidate's title never
 * leaves the center through the agreement board.
 *
 * @example statusForOutsiders(status, (id) => published.has(id)).commitments[0].history.assessments[0].assessedBy // 'monitoring center'
 */
export function statusForOutsiders(
  status: AgreementStatus,
  isVisible: (incidentId: number) => boolean,
): AgreementStatus {
  return {
    ...status,
    commitments: status.commitments.map((c) => ({
      ...c,
      history: {
        ...c.history,
        assessments: c.history.assessments.map((a) => ({ ...a, assessedBy: publicActor(a.assessedBy) })),
        links: c.history.links.filter((l) => isVisible(l.incidentId)),
      },
    })),
  };
}

/**
 * Orders clause numbers as a reader expects: 2 before 6a before 6b before 10.
 *
 * @example ['6b', '10', '2', '6a'].sort(compareClauses) // ['2', '6a', '6b', '10']
 */
export function compareClauses(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The status as a fixed-width table for people; `nameOf` turns a party code into the name to show
 * (the theatre's, in the CLI).
 *
 * @example formatAgreementTable(status, (code) => partyName(theatre, code)).split('\n')[0] // the title and the date
 */
export function formatAgreementTable(
  status: AgreementStatus,
  nameOf: (party: string) => string = (party) => party,
): string {
  const rows = status.commitments.map((c) => [
    c.clause,
    c.title,
    c.status,
    String(c.score),
    c.deadline
      ? `${c.deadline.date}${c.amendments > 0 ? ` (was ${c.originalDeadline?.date ?? '?'})` : ''}`
      : '—',
    c.obligors.map(nameOf).join(', '),
  ]);
  const header = ['clause', 'commitment', 'status', 'score', 'deadline', 'obligors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const impl = status.implementation;
  const parties = Object.entries(status.byParty).map(([p, s]) => `${nameOf(p)} ${s.percent}%`);
  return [
    `${status.agreement.title} — as of ${status.asOf.date} (${status.asOf.timeZone})`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `implementation: ${impl.score}/${impl.maxScore} (${impl.percent}%); ${Object.entries(impl.byStatus)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
    `by party: ${parties.join('; ')}`,
    '',
  ].join('\n');
}
