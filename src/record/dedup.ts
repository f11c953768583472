import {
  compareDates,
  compareKilled,
  compareKind,
  compareParties,
  comparePlaces,
  isCertainlyApart,
  type Claim,
  type Feature,
} from './merge-features.js';

export type { Claim, ClaimPlace, Feature } from './merge-features.js';

/** Reports scoring at least this much against an incident join it. */
export const MERGE_THRESHOLD = 0.7;

export interface Comparison {
  readonly score: number;
  readonly merge: boolean;
  readonly features: readonly Feature[];
  /** One sentence a reviewer can read: why it merged, or what kept it apart. */
  readonly reason: string;
}

/**
 * Scores whether a report's claim and an incident describe the same real-world event: a weighted
 * sum of feature values, unless a feature vetoes (different kinds, days apart, places far apart).
 *
 * @example compareClaims(reportClaim, incidentClaim) // { score: 0.94, merge: true, reason: 'same place …' }
 */
export function compareClaims(report: Claim, incident: Claim): Comparison {
  const features = [
    compareKind(report.kind, incident.kind),
    compareDates(report, incident),
    comparePlaces(report.place, incident.place),
    compareParties(report.parties, incident.parties),
    compareKilled(report.killed, incident.killed),
  ];
  const score = round(features.reduce((sum, f) => sum + f.weight * f.value, 0));
  const veto = features.find((f) => f.veto);
  if (veto) return { score, merge: false, features, reason: `kept apart: ${veto.note}` };
  const merge = score >= MERGE_THRESHOLD;
  const strongest = features.filter((f) => f.value >= 0.75).map((f) => f.note);
  const reason = merge
    ? `merged (score ${score} ≥ ${MERGE_THRESHOLD}): ${strongest.join('; ') || 'no single strong feature'}`
    : `kept apart (score ${score} < ${MERGE_THRESHOLD}): ${features
        .filter((f) => f.value < 0.75)
        .map((f) => f.note)
        .join('; ')}`;
  return { score, merge, features, reason };
}

/** A candidate that may merge beats one that may not; then the higher score wins. */
const isBetter = (a: Comparison, b: Comparison) => (a.merge !== b.merge ? a.merge : a.score > b.score);

const round = (n: number) => Math.round(n * 1000) / 1000;

export type MergeDecision<Id> =
  | { readonly kind: 'new'; readonly best: { readonly id: Id; readonly comparison: Comparison } | null }
  | { readonly kind: 'merge'; readonly into: Id; readonly comparison: Comparison };

/**
 * Picks the best-scoring candidate the report may join, or says it opens a new incident. A report
 * that does not name the same place as its best candidate, while another candidate would also
 * take it, is not guessed into one: it opens its own incident for review.
 */
export function decideMerge<Id>(
  report: Claim,
  candidates: Iterable<{ id: Id; claim: Claim }>,
): MergeDecision<Id> {
  let best: { id: Id; comparison: Comparison } | null = null;
  let runnerUp: Comparison | null = null;
  for (const candidate of candidates) {
    if (isCertainlyApart(report, candidate.claim)) continue;
    const comparison = compareClaims(report, candidate.claim);
    if (!best || isBetter(comparison, best.comparison)) {
      runnerUp = best?.comparison ?? null;
      best = { id: candidate.id, comparison };
    } else if (!runnerUp || isBetter(comparison, runnerUp)) runnerUp = comparison;
  }
  if (!best?.comparison.merge) return { kind: 'new', best };
  if (runnerUp?.merge && isVague(best.comparison)) {
    const reason = `kept apart: fits several incidents (${best.comparison.score} / ${runnerUp.score}) without naming the place of either`;
    return { kind: 'new', best: { id: best.id, comparison: { ...best.comparison, merge: false, reason } } };
  }
  return { kind: 'merge', into: best.id, comparison: best.comparison };
}

const isVague = (c: Comparison) => (c.features.find((f) => f.name === 'place')?.value ?? 0) < 1;
