import { decideMerge, type Verdict } from './dedup.js';
import { absorbClaim, hasPoint } from './merge-absorb.js';
import { INCIDENT_KIND } from '../vocabulary/index.js';
import { MERGE_CONFIG, type MergeConfig } from './merge-config.js';
import { dayNumber as dayOf, type Claim } from './merge-features.js';

/**
 * Batch deduplication: clusters many report claims into incidents in one pass, comparing each
 * claim only with clusters in its blocks (days of its window ± `maxGapDays`, and the grid cells
 * around its point), never all pairs. The decision (`decideMerge`) and what a cluster learns from a
 * member (`absorbClaim`) are the ones ingest uses. Used to re-run the merge over a whole record and
 * by bench:dedup.
 */
export interface Cluster<T> {
  readonly index: number;
  readonly members: T[];
  claim: Claim;
}

export interface ClusterResult<T> {
  readonly clusters: readonly Cluster<T>[];
  readonly comparisons: number;
  readonly decisions: readonly {
    readonly item: T;
    readonly cluster: number;
    /** The best comparison's score and verdict (the words are not kept: a batch explains none). */
    readonly score: number | null;
    readonly verdict: Verdict | null;
    /** A possible duplicate: the cluster the item's new cluster was suggested against. */
    readonly suggested: number | null;
  }[];
}

function daysOf(claim: Claim, config: MergeConfig): number[] {
  const slack = config.maxGapDays;
  const start = dayOf(claim.dateStart) - slack;
  const end = Math.min(dayOf(claim.dateEnd) + slack, start + config.maxWindowDays);
  const out: number[] = [];
  for (let d = start; d <= end; d += 1) out.push(d);
  return out;
}

/**
 * The family a claim is blocked under: kinds of two families are never one event
 * (`isCertainlyApart`), and a cluster's kind only ever becomes a kind of its family.
 */
const familyKey = (claim: Claim) => INCIDENT_KIND[claim.kind].family;

/** Block keys a claim is filed under: its own cell per day, or the day's "coarse" bucket. */
function ownKeys(claim: Claim, config: MergeConfig): string[] {
  const slack = config.maxGapDays;
  const days = daysOf(claim, config).slice(slack, -slack);
  const list = days.length > 0 ? days : [dayOf(claim.dateStart)];
  const f = familyKey(claim);
  if (!hasPoint(claim)) return list.map((d) => `${f}:${d}:coarse`);
  const [y, x] = cellOf(claim, config);
  return list.map((d) => `${f}:${d}:${y}:${x}`);
}

const cellOf = (claim: Claim, config: MergeConfig) =>
  [
    Math.floor((claim.place?.lat ?? 0) / config.gridCellDegrees),
    Math.floor((claim.place?.lon ?? 0) / config.gridCellDegrees),
  ] as const;

/** Block keys to search: neighbouring cells and the coarse bucket on every day of the window. */
function searchKeys(claim: Claim, config: MergeConfig): string[] {
  const keys: string[] = [];
  const f = familyKey(claim);
  for (const d of daysOf(claim, config)) {
    keys.push(`${f}:${d}:coarse`);
    if (!hasPoint(claim)) {
      keys.push(`${f}:${d}:all`);
      continue;
    }
    const [y, x] = cellOf(claim, config);
    for (let dy = -1; dy <= 1; dy += 1)
      for (let dx = -1; dx <= 1; dx += 1) keys.push(`${f}:${d}:${y + dy}:${x + dx}`);
  }
  return keys;
}

/**
 * The clusters filed under any of `keys`, each once, in the order first met (the order
 * `decideMerge` breaks ties by). `stamps[i]` holds the last search that met cluster i: no set is
 * built per report.
 */
function candidatesOf<T>(
  keys: readonly string[],
  blocks: ReadonlyMap<string, readonly number[]>,
  clusters: readonly Cluster<T>[],
  stamps: number[],
  search: number,
): { id: number; claim: Claim }[] {
  const out: { id: number; claim: Claim }[] = [];
  for (const key of keys) {
    const list = blocks.get(key);
    if (!list) continue;
    for (const index of list) {
      if (stamps[index] === search) continue;
      stamps[index] = search;
      out.push({ id: index, claim: (clusters[index] as Cluster<T>).claim });
    }
  }
  return out;
}

/** @example clusterClaims(reports.map((r) => ({ item: r.id, claim: r.claim }))).clusters.length */
export function clusterClaims<T>(
  items: readonly { item: T; claim: Claim }[],
  config: MergeConfig = MERGE_CONFIG,
): ClusterResult<T> {
  const clusters: Cluster<T>[] = [];
  const blocks = new Map<string, number[]>();
  const file = (key: string, index: number) => {
    const list = blocks.get(key);
    if (list) list.push(index);
    else blocks.set(key, [index]);
  };
  const decisions: {
    item: T;
    cluster: number;
    score: number | null;
    verdict: Verdict | null;
    suggested: number | null;
  }[] = [];
  let comparisons = 0;
  const stamps: number[] = [];
  for (const [search, { item, claim }] of items.entries()) {
    const candidates = candidatesOf(searchKeys(claim, config), blocks, clusters, stamps, search);
    comparisons += candidates.length;
    const decision = decideMerge(claim, candidates, config);
    if (decision.kind === 'merge') {
      const cluster = clusters[decision.into] as Cluster<T>;
      const hadPoint = hasPoint(cluster.claim);
      cluster.members.push(item);
      cluster.claim = absorbClaim(cluster.claim, claim);
      if (!hadPoint && hasPoint(cluster.claim))
        for (const key of ownKeys(cluster.claim, config)) file(key, cluster.index);
      decisions.push({
        item,
        cluster: cluster.index,
        score: decision.comparison.score,
        verdict: decision.comparison.verdict,
        suggested: null,
      });
      continue;
    }
    const cluster: Cluster<T> = { index: clusters.length, members: [item], claim };
    clusters.push(cluster);
    stamps.push(-1);
    for (const key of ownKeys(claim, config)) file(key, cluster.index);
    for (const d of daysOf(claim, config).slice(config.maxGapDays, -config.maxGapDays))
      file(`${familyKey(claim)}:${d}:all`, cluster.index);
    decisions.push({
      item,
      cluster: cluster.index,
      score: decision.best?.comparison.score ?? null,
      verdict: decision.best?.comparison.verdict ?? null,
      suggested: decision.suggestion?.id ?? null,
    });
  }
  return { clusters, comparisons, decisions };
}
