import type {
  Amendment,
  Assessment,
  Commitment,
  ComplianceStatus,
  Evidence,
  ImplementationScore,
  IncidentLink,
} from './commitment.js';
import { SCORE_LABELS } from './commitment.js';
import {
  daysLeft,
  dueInstant,
  hasHappened,
  instantOf,
  isPastDue,
  type AsOf,
  type Deadline,
} from './deadline.js';

/** Everything known about one commitment; compliance is computed from it for any date. */
export interface CommitmentFacts {
  readonly commitment: Commitment;
  readonly amendments: readonly Amendment[];
  readonly assessments: readonly Assessment[];
  readonly links: readonly IncidentLink[];
  /** The zone in which assessment, amendment and incident dates are read (the agreement's). */
  readonly timeZone: string;
  /** When the agreement entered into force; before it every commitment is pending. */
  readonly inForceFrom: Date | null;
}

export interface Compliance {
  readonly clause: string;
  readonly title: string;
  readonly kind: Commitment['kind'];
  readonly obligors: readonly string[];
  readonly status: ComplianceStatus;
  readonly score: ImplementationScore;
  readonly scoreLabel: (typeof SCORE_LABELS)[number];
  /** Why the status is what it is, in words. */
  readonly basis: string;
  readonly deadline: Deadline | null;
  readonly originalDeadline: Deadline | null;
  readonly dueAt: string | null;
  readonly daysLeft: number | null;
  readonly amendments: number;
  readonly violations: number;
  readonly implementingIncidents: number;
  readonly lastAssessment: {
    readonly asOf: string;
    readonly status: string;
    readonly note: string | null;
  } | null;
  readonly evidence: readonly Evidence[];
}

/**
 * The deadline in force as of a date: the original one, moved by every amendment decided by then.
 *
 * @example effectiveDeadline(facts, asOfDate('2020-11-21')) // 2020-11-25 once a ten-day delay was agreed
 */
export function effectiveDeadline(
  facts: Pick<CommitmentFacts, 'commitment' | 'amendments' | 'timeZone'>,
  asOf: AsOf,
): { deadline: Deadline | null; original: Deadline | null; applied: number } {
  const ordered = [...facts.amendments].sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id - b.id);
  const original = ordered[0]?.previous ?? facts.commitment.deadline;
  const applied = ordered.filter((a) => hasHappened(a.decidedOn, asOf, facts.timeZone));
  return { deadline: applied.at(-1)?.deadline ?? original, original, applied: applied.length };
}

const latest = <T extends { readonly id: number }>(
  items: readonly T[],
  date: (t: T) => string,
): T | undefined => [...items].sort((a, b) => date(a).localeCompare(date(b)) || a.id - b.id).at(-1);

/**
 * A commitment's status and implementation score as of a date or instant. Rules, in order:
 * not yet in force → pending; a confirmed violating incident later than the last assessment →
 * violated; an assessment of fulfilled, violated or disputed stands; a disputed link → disputed;
 * otherwise in progress (assessed so, or implementing incidents) or pending — and overdue once
 * the deadline in force has passed.
 *
 * @example complianceAsOf(facts, asOfDate('2020-12-02')).status // 'overdue' without evidence of the handover
 */
export function complianceAsOf(facts: CommitmentFacts, asOf: AsOf): Compliance {
  const tz = facts.timeZone;
  const happened = (date: string) => hasHappened(date, asOf, tz);
  const { deadline, original, applied } = effectiveDeadline(facts, asOf);
  const assessment = latest(
    facts.assessments.filter((a) => happened(a.asOf)),
    (a) => a.asOf,
  );
  // An incident no report dates happened on or before the day the record first held it.
  const links = facts.links.filter((l) => happened(l.incidentDate ?? l.incidentRecorded));
  const violations = links.filter((l) => l.effect === 'violates' && l.incidentStatus === 'confirmed');
  const disputed = links.filter(
    (l) => l.effect === 'disputed' || (l.effect === 'violates' && l.incidentStatus === 'disputed'),
  );
  const implementing = links.filter((l) => l.effect === 'implements' && l.incidentStatus !== 'rejected');
  const lastViolation = latest(
    violations.map((l) => ({
      id: l.incidentId,
      day: l.incidentDate ?? l.incidentRecorded,
      stated: l.incidentDate !== null,
    })),
    (v) => v.day,
  );

  const decided = decide({
    facts,
    asOf,
    deadline,
    assessment,
    lastViolation,
    disputed: disputed.length,
    implementing: implementing.length,
  });
  const score =
    assessment && decided.status === assessment.status
      ? assessment.score
      : defaultScore(decided.status, implementing.length);
  return {
    clause: facts.commitment.clause,
    title: facts.commitment.title,
    kind: facts.commitment.kind,
    obligors: facts.commitment.obligors,
    status: decided.status,
    score,
    scoreLabel: SCORE_LABELS[score],
    basis: decided.basis,
    deadline,
    originalDeadline: original,
    dueAt: deadline ? dueInstant(deadline).toISOString() : null,
    daysLeft: deadline ? daysLeft(deadline, asOf) : null,
    amendments: applied,
    violations: violations.length,
    implementingIncidents: implementing.length,
    lastAssessment: assessment
      ? { asOf: assessment.asOf, status: assessment.status, note: assessment.note }
      : null,
    evidence: assessment?.evidence ?? [],
  };
}

interface Inputs {
  readonly facts: CommitmentFacts;
  readonly asOf: AsOf;
  readonly deadline: Deadline | null;
  readonly assessment: Assessment | undefined;
  /** The latest confirmed violation's day; not `stated` when undated (the day it was recorded). */
  readonly lastViolation: { readonly day: string; readonly stated: boolean } | undefined;
  readonly disputed: number;
  readonly implementing: number;
}

function decide(i: Inputs): { status: ComplianceStatus; basis: string } {
  const { facts, assessment } = i;
  if (facts.inForceFrom && instantOf(i.asOf, facts.timeZone) < facts.inForceFrom) {
    return { status: 'pending', basis: `not yet in force (from ${facts.inForceFrom.toISOString()})` };
  }
  const last = i.lastViolation;
  if (last && (!assessment || last.day > assessment.asOf)) {
    const when = last.stated ? `on ${last.day}` : `recorded on ${last.day} (date not stated)`;
    return { status: 'violated', basis: `confirmed violating incident ${when}` };
  }
  if (assessment && ['fulfilled', 'violated', 'disputed'].includes(assessment.status)) {
    return { status: assessment.status, basis: `assessed ${assessment.status} on ${assessment.asOf}` };
  }
  if (!assessment && i.disputed > 0) return { status: 'disputed', basis: 'a linked incident is disputed' };
  const started = assessment?.status === 'in_progress' || (!assessment && i.implementing > 0);
  if (i.deadline && isPastDue(i.deadline, i.asOf)) {
    return {
      status: 'overdue',
      basis: `deadline ${i.deadline.date} (${i.deadline.timeZone}) passed without evidence of fulfilment`,
    };
  }
  if (started) {
    return {
      status: 'in_progress',
      basis: assessment ? `assessed in progress on ${assessment.asOf}` : 'implementing incidents recorded',
    };
  }
  return {
    status: 'pending',
    basis: i.deadline ? `due ${i.deadline.date} (${i.deadline.timeZone})` : 'no assessment recorded',
  };
}

function defaultScore(status: ComplianceStatus, implementing: number): ImplementationScore {
  if (status === 'fulfilled') return 3;
  return implementing > 0 ? 1 : 0;
}

export interface ImplementationSummary {
  readonly commitments: number;
  readonly byStatus: Readonly<Record<ComplianceStatus, number>>;
  readonly score: number;
  readonly maxScore: number;
  /** Score as a share of the maximum, 0–100, rounded to one decimal. */
  readonly percent: number;
}

/**
 * Implementation over a set of commitments: counts by status and the summed 0–3 scores.
 *
 * @example summariseImplementation(results).percent // 58.3
 */
export function summariseImplementation(results: readonly Compliance[]): ImplementationSummary {
  const byStatus: Record<ComplianceStatus, number> = {
    pending: 0,
    in_progress: 0,
    fulfilled: 0,
    overdue: 0,
    violated: 0,
    disputed: 0,
  };
  for (const r of results) byStatus[r.status] += 1;
  const score = results.reduce((sum, r) => sum + r.score, 0);
  const maxScore = results.length * 3;
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  return { commitments: results.length, byStatus, score, maxScore, percent };
}

/**
 * Implementation per party: each commitment counts for every obligor it names.
 *
 * @example implementationByParty(results).AM.byStatus.fulfilled
 */
export function implementationByParty(results: readonly Compliance[]): Record<string, ImplementationSummary> {
  const parties = [...new Set(results.flatMap((r) => r.obligors))].sort();
  return Object.fromEntries(
    parties.map((p) => [p, summariseImplementation(results.filter((r) => r.obligors.includes(p)))]),
  );
}
