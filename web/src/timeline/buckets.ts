/**
 * The timeline's bars: incidents per day, per week or per month, with every bucket of the range
 * present (a day with no incident is a gap on the axis, not a missing bar). Pure.
 */
export interface DayCount {
  readonly date: string;
  readonly count: number;
  readonly byKind: Readonly<Record<string, number>>;
}

import type { Grain } from '../ui/time-axis.js';

export type { Grain };

export interface Bucket {
  /** First day of the bucket (YYYY-MM-DD). */
  readonly start: string;
  /** Last day of the bucket. */
  readonly end: string;
  readonly count: number;
  readonly byKind: Readonly<Record<string, number>>;
}

const DAY_MS = 86_400_000;
/** Past this many buckets the grain is coarsened; a bound on the loop, too. */
const MAX_BUCKETS = 120;

const msOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The finest grain that keeps the range at most MAX_BUCKETS bars.
 *
 * @example grainFor('2020-11-09', '2021-01-30') // 'day' (83 days)
 */
export function grainFor(first: string, last: string): Grain {
  const days = Math.round((msOf(last) - msOf(first)) / DAY_MS) + 1;
  if (days <= MAX_BUCKETS) return 'day';
  if (days / 7 <= MAX_BUCKETS) return 'week';
  return 'month';
}

/** The first day of the bucket a day falls in (weeks start on Monday, as ISO 8601 has it). */
export function bucketStart(date: string, grain: Grain): string {
  if (grain === 'day') return date;
  if (grain === 'month') return `${date.slice(0, 7)}-01`;
  const ms = msOf(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return dateOf(ms - weekday * DAY_MS);
}

function nextStart(start: string, grain: Grain): string {
  if (grain === 'day') return dateOf(msOf(start) + DAY_MS);
  if (grain === 'week') return dateOf(msOf(start) + 7 * DAY_MS);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return dateOf(Date.UTC(year, month, 1));
}

/** The buckets from the first day to the last, empty ones included; `days` sorted or not. */
export function bucketize(days: readonly DayCount[], grain: Grain): Bucket[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const byStart = new Map<string, { count: number; byKind: Record<string, number> }>();
  for (const day of sorted) {
    const key = bucketStart(day.date, grain);
    const slot = byStart.get(key) ?? { count: 0, byKind: {} };
    slot.count += day.count;
    for (const [kind, n] of Object.entries(day.byKind)) slot.byKind[kind] = (slot.byKind[kind] ?? 0) + n;
    byStart.set(key, slot);
  }
  const last = bucketStart((sorted[sorted.length - 1] as DayCount).date, grain);
  const buckets: Bucket[] = [];
  let start = bucketStart((sorted[0] as DayCount).date, grain);
  // Bounded: at most one bucket per day of the range, and the range is a few decades at most.
  for (let guard = 0; start <= last && guard < 40_000; guard++) {
    const next = nextStart(start, grain);
    const slot = byStart.get(start);
    buckets.push({
      start,
      end: dateOf(msOf(next) - DAY_MS),
      count: slot?.count ?? 0,
      byKind: slot?.byKind ?? {},
    });
    start = next;
  }
  return buckets;
}

/** The kinds present, most frequent first (the order they stack from the axis up). */
export function kindsByTotal(buckets: readonly Bucket[]): string[] {
  const totals = new Map<string, number>();
  for (const bucket of buckets)
    for (const [kind, n] of Object.entries(bucket.byKind)) totals.set(kind, (totals.get(kind) ?? 0) + n);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind]) => kind);
}
