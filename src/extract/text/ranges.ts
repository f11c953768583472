/**
 * Binary searches over items sorted by `start`, so stages stay linear-logarithmic on huge
 * documents.
 */
export interface Ranged {
  readonly start: number;
  readonly end: number;
}

/** Index of the first item whose start is at or after `offset`. */
export function firstAtOrAfter(items: readonly Ranged[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items that lie wholly inside [from, to). */
export function within<T extends Ranged>(items: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstAtOrAfter(items, from); i < items.length; i++) {
    const item = items[i];
    if (!item || item.start >= to) break;
    if (item.end <= to) out.push(item);
  }
  return out;
}
