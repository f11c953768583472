/** Whole days since 1970-01-01 (UTC). */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Parses YYYY-MM-DD into a day number, or null. */
export function parseDay(iso: string | null | undefined): Day | null {
  if (!iso) return null;
  const cached = DAYS.get(iso);
  if (cached !== undefined) return cached;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : NaN;
  const day = Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : null;
  remember(DAYS, iso, day);
  return day;
}

/** Formats a day number as YYYY-MM-DD. */
export function isoOf(day: Day): string {
  const cached = ISOS.get(day);
  if (cached !== undefined) return cached;
  const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  remember(ISOS, day, iso);
  return iso;
}

/** Dates repeat across a document and a run: both conversions keep their recent answers. */
const MAX_REMEMBERED = 4096;
const DAYS = new Map<string, Day | null>();
const ISOS = new Map<Day, string>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(key, value);
}

/** The day number of a calendar date; `month` is 1-based; day 0 is the month's eve. */
export function dayOf(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** Last day of a month. */
export function monthEnd(year: number, month: number): Day {
  return dayOf(year, month + 1, 0);
}
