import type { Agreement } from './commitment.js';
import {
  complianceAsOf,
  implementationByParty,
  summariseImplementation,
  type CommitmentFacts,
  type Compliance,
  type ImplementationSummary,
} from './compliance.js';
import { dateOf, instantOf, type AsOf } from './deadline.js';

export interface AgreementStatus {
  readonly agreement: Pick<Agreement, 'slug' | 'title' | 'signedOn' | 'effectiveAt' | 'timeZone' | 'parties'>;
  readonly asOf: { readonly date: string; readonly instant: string; readonly timeZone: string };
  readonly commitments: readonly Compliance[];
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
    .map((f) => complianceAsOf(f, asOf))
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
