import { PLACE_PRECISION } from '../vocabulary/index.js';
import { decideMerge, type Comparison } from './dedup.js';
import { dayNumber as dayOf, type Claim } from './merge-features.js';

/**
 * Batch deduplication: clusters many report claims into incidents in one pass, comparing each
 * claim only with clusters in its blocks (days of its window ± 2, and the 0.1° grid cells around
 * its point), never all pairs. Used to re-run the merge over a whole record and by bench:dedup.
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
    readonly comparison: Comparison | null;
  }[];
}

const SLACK = 2;
const MAX_WINDOW_DAYS = 40;
/** Grid cell in degrees; points merge only within 5 km, so the 3×3 cells around a point cover it. */
const CELL = 0.1;

function daysOf(claim: Claim): number[] {
  const start = dayOf(claim.dateStart) - SLACK;
  const end = Math.min(dayOf(claim.dateEnd) + SLACK, start + MAX_WINDOW_DAYS);
  const out: number[] = [];
  for (let d = start; d <= end; d += 1) out.push(d);
  return out;
}

const cellOf = (lat: number, lon: number) => [Math.floor(lat / CELL), Math.floor(lon / CELL)] as const;
const hasPoint = (c: Claim) =>
  c.place?.lat != null &&
  c.place.lon != null &&
  c.place.precision !== null &&
  PLACE_PRECISION[c.place.precision].isPoint;

/** Block keys a claim is filed under: its own cell per day, or the day's "coarse" bucket. */
function ownKeys(claim: Claim): string[] {
  const days = daysOf(claim).slice(SLACK, -SLACK);
  const list = days.length > 0 ? days : [dayOf(claim.dateStart)];
  if (!hasPoint(claim)) return list.map((d) => `${d}:coarse`);
  const [y, x] = cellOf(claim.place?.lat ?? 0, claim.place?.lon ?? 0);
  return list.map((d) => `${d}:${y}:${x}`);
}

/** Block keys to search: neighbouring cells and the coarse bucket on every day of the window. */
function searchKeys(claim: Claim): string[] {
  const keys: string[] = [];
  for (const d of daysOf(claim)) {
    keys.push(`${d}:coarse`);
    if (!hasPoint(claim)) {
      keys.push(`${d}:all`);
      continue;
    }
    const [y, x] = cellOf(claim.place?.lat ?? 0, claim.place?.lon ?? 0);
    for (let dy = -1; dy <= 1; dy += 1)
      for (let dx = -1; dx <= 1; dx += 1) keys.push(`${d}:${y + dy}:${x + dx}`);
  }
  return keys;
}

function* candidatesOf<T>(indexes: Set<number>, clusters: readonly Cluster<T>[]) {
  for (const index of indexes) yield { id: index, claim: (clusters[index] as Cluster<T>).claim };
}

/** Widens what a cluster is known to claim once a report joins it. */
function absorb(cluster: Claim, report: Claim): Claim {
  const parties = [...new Set([...cluster.parties, ...report.parties])];
  const killed =
    cluster.killed && report.killed
      ? {
          low: Math.min(cluster.killed.low, report.killed.low),
          high: Math.max(cluster.killed.high, report.killed.high),
        }
      : (cluster.killed ?? report.killed);
  const place =
    cluster.place && (hasPoint(cluster) || !report.place) ? cluster.place : (report.place ?? cluster.place);
  return { ...cluster, parties, killed, place };
}

/** @example clusterClaims(reports.map((r) => ({ item: r.id, claim: r.claim }))).clusters.length */
export function clusterClaims<T>(items: readonly { item: T; claim: Claim }[]): ClusterResult<T> {
  const clusters: Cluster<T>[] = [];
  const blocks = new Map<string, number[]>();
  const file = (key: string, index: number) => {
    const list = blocks.get(key);
    if (list) list.push(index);
    else blocks.set(key, [index]);
  };
  const decisions: { item: T; cluster: number; comparison: Comparison | null }[] = [];
  let comparisons = 0;
  for (const { item, claim } of items) {
    const seen = new Set<number>();
    for (const key of searchKeys(claim)) for (const index of blocks.get(key) ?? []) seen.add(index);
    comparisons += seen.size;
    const decision = decideMerge(claim, candidatesOf(seen, clusters));
    if (decision.kind === 'merge') {
      const cluster = clusters[decision.into] as Cluster<T>;
      const hadPoint = hasPoint(cluster.claim);
      cluster.members.push(item);
      cluster.claim = absorb(cluster.claim, claim);
      if (!hadPoint && hasPoint(cluster.claim))
        for (const key of ownKeys(cluster.claim)) file(key, cluster.index);
      decisions.push({ item, cluster: cluster.index, comparison: decision.comparison });
      continue;
    }
    const cluster: Cluster<T> = { index: clusters.length, members: [item], claim };
    clusters.push(cluster);
    for (const key of ownKeys(claim)) file(key, cluster.index);
    for (const d of daysOf(claim).slice(SLACK, -SLACK)) file(`${d}:all`, cluster.index);
    decisions.push({ item, cluster: cluster.index, comparison: decision.best?.comparison ?? null });
  }
  return { clusters, comparisons, decisions };
}
