import { MERGE_CONFIG, type MergeConfig } from './merge-config.js';
import {
  compareDates,
  compareKilled,
  compareKind,
  compareParties,
  comparePlaces,
  isCertainlyApart,
  isSparsePair,
  sharesSource,
  type Claim,
  type Feature,
} from './merge-features.js';

export type { Claim, ClaimPlace, Feature } from './merge-features.js';

/** Reports scoring at least this much against an incident join it. */
export const MERGE_THRESHOLD = MERGE_CONFIG.joinThreshold;

/** What a comparison concludes: join the incident, open a new one suggested as a duplicate, or keep apart. */
export type Verdict = 'join' | 'suggest' | 'apart';

export interface Comparison {
  readonly score: number;
  readonly merge: boolean;
  readonly verdict: Verdict;
  /** The thresholds the score was held against. */
  readonly thresholds: { readonly join: number; readonly suggest: number };
  readonly features: readonly Feature[];
  /** One sentence a reviewer can read: why it merged, or what kept it apart. */
  readonly reason: string;
}

const STRONG = 0.75;

/**
 * Scores whether a report's claim and an incident describe the same real-world event: a weighted
 * sum of feature values, unless a feature vetoes (different kinds, days apart, places far apart,
 * another event of the same article).
 *
 * @example compareClaims(reportClaim, incidentClaim) // { score: 0.94, verdict: 'join', reason: 'joined …' }
 */
export function compareClaims(
  report: Claim,
  incident: Claim,
  config: MergeConfig = MERGE_CONFIG,
): Comparison {
  return explained(assess(report, incident, config));
}

/** A comparison before its words: what `decideMerge` weighs for every candidate. */
interface Assessment {
  readonly report: Claim;
  readonly incident: Claim;
  readonly score: number;
  readonly verdict: Verdict;
  readonly features: readonly Feature[];
  readonly config: MergeConfig;
}

function assess(report: Claim, incident: Claim, config: MergeConfig): Assessment {
  const features = [
    compareKind(report.kind, incident.kind),
    compareDates(report, incident, config),
    comparePlaces(report.place, incident.place, config, isSparsePair(report.kind, incident.kind, config)),
    compareParties(report.parties, incident.parties),
    compareKilled(report.killed, incident.killed),
  ];
  const score = round(features.reduce((sum, f) => sum + f.weight * f.value, 0));
  const verdict: Verdict =
    sharesSource(report, incident) || features.some((f) => f.veto)
      ? 'apart'
      : score >= config.joinThreshold
        ? 'join'
        : score >= config.suggestThreshold
          ? 'suggest'
          : 'apart';
  return { report, incident, score, verdict, features, config };
}

/** The comparison with its words: written once per decision, not once per candidate. */
function explained(a: Assessment): Comparison {
  return {
    score: a.score,
    merge: a.verdict === 'join',
    verdict: a.verdict,
    thresholds: { join: a.config.joinThreshold, suggest: a.config.suggestThreshold },
    features: a.features,
    reason: reasonOf(a),
  };
}

function reasonOf(c: Assessment): string {
  if (sharesSource(c.report, c.incident)) return 'kept apart: another event of the same article';
  const veto = c.features.find((f) => f.veto);
  if (veto) return `kept apart: ${veto.note}`;
  const matched = c.features.filter((f) => f.value >= STRONG).map((f) => f.note);
  const differed = c.features.filter((f) => f.value < STRONG).map((f) => f.note);
  const words = `matched: ${matched.join('; ') || 'nothing strongly'}; differed: ${differed.join('; ') || 'nothing'}`;
  const { joinThreshold: join, suggestThreshold: suggest } = c.config;
  if (c.verdict === 'join') return `joined (score ${c.score} ≥ ${join}) — ${words}`;
  if (c.verdict === 'suggest')
    return `possible duplicate (score ${c.score}, between ${suggest} and ${join}) — ${words}`;
  return `kept apart (score ${c.score} < ${suggest}) — ${words}`;
}

/** A candidate that may merge beats one that may not; then the higher score wins. */
const isBetter = (a: Assessment, b: Assessment) =>
  (a.verdict === 'join') !== (b.verdict === 'join') ? a.verdict === 'join' : a.score > b.score;

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface Scored<Id> {
  readonly id: Id;
  readonly comparison: Comparison;
}

export type MergeDecision<Id> =
  | { readonly kind: 'new'; readonly best: Scored<Id> | null; readonly suggestion: Scored<Id> | null }
  | { readonly kind: 'merge'; readonly into: Id; readonly comparison: Comparison };

/**
 * Picks the best-scoring candidate the report may join, or says it opens a new incident (with the
 * best candidate suggested as a possible duplicate when it scored between the thresholds). A
 * report that does not name the same place as its best candidate, while another candidate would
 * also take it, is not guessed into one: it opens its own incident, suggested against the best.
 */
export function decideMerge<Id>(
  report: Claim,
  candidates: Iterable<{ id: Id; claim: Claim }>,
  config: MergeConfig = MERGE_CONFIG,
): MergeDecision<Id> {
  let best: { id: Id; a: Assessment } | null = null;
  let runnerUp: Assessment | null = null;
  for (const candidate of candidates) {
    if (isCertainlyApart(report, candidate.claim, config)) continue;
    const a = assess(report, candidate.claim, config);
    if (!best || isBetter(a, best.a)) {
      runnerUp = best?.a ?? null;
      best = { id: candidate.id, a };
    } else if (!runnerUp || isBetter(a, runnerUp)) runnerUp = a;
  }
  if (!best) return { kind: 'new', best: null, suggestion: null };
  const scored = { id: best.id, comparison: explained(best.a) };
  if (best.a.verdict !== 'join')
    return { kind: 'new', best: scored, suggestion: best.a.verdict === 'suggest' ? scored : null };
  if (
    runnerUp &&
    runnerUp.verdict !== 'apart' &&
    runnerUp.score >= best.a.score - config.ambiguityMargin &&
    isVague(best.a)
  ) {
    const reason = `possible duplicate: fits several incidents (${best.a.score} / ${runnerUp.score}) without naming the place of either`;
    const comparison: Comparison = { ...scored.comparison, merge: false, verdict: 'suggest', reason };
    return { kind: 'new', best: { id: best.id, comparison }, suggestion: { id: best.id, comparison } };
  }
  return { kind: 'merge', into: best.id, comparison: scored.comparison };
}

const isVague = (a: Assessment) => (a.features.find((f) => f.name === 'place')?.value ?? 0) < 1;
