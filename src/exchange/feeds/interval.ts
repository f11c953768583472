import { invalid } from '../../platform/errors.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** The shortest and longest polling intervals Truce accepts. */
export const MIN_INTERVAL_SECONDS = 60;
export const MAX_INTERVAL_SECONDS = 7 * 86_400;
/** Backoff never waits longer than this after repeated failures. */
export const MAX_BACKOFF_SECONDS = 86_400;

/**
 * A polling interval such as `15m`, `2h`, `90s` or `1d`, in seconds.
 *
 * @example parseInterval('15m') // 900
 */
export function parseInterval(text: string, field = '--every'): number {
  const match = /^(\d{1,6})\s*([smhd])$/.exec(text.trim());
  const rule = `must be a number and a unit s, m, h or d (e.g. 15m), from ${MIN_INTERVAL_SECONDS / 60}m to ${MAX_INTERVAL_SECONDS / 86_400}d`;
  if (!match) throw invalid(field, rule);
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] ?? 's'] ?? 1);
  if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) throw invalid(field, rule);
  return seconds;
}

/**
 * When to try a feed again: its interval after success, doubled per consecutive failure, at most a day.
 *
 * @example nextPollDelaySeconds(900, 2) // 3600
 */
export function nextPollDelaySeconds(intervalSeconds: number, consecutiveFailures: number): number {
  const factor = 2 ** Math.min(consecutiveFailures, 16);
  return Math.min(intervalSeconds * factor, Math.max(MAX_BACKOFF_SECONDS, intervalSeconds));
}

/** @example formatInterval(900) // '15m' */
export function formatInterval(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** A failed entry is tried at most this many times. */
export const MAX_ENTRY_ATTEMPTS = 8;
const FIRST_ENTRY_RETRY_SECONDS = 15 * 60;

/**
 * When to try a failed entry again after its `attempts`-th failure: 15 minutes, doubled each time,
 * at most a day; null once it has had its last attempt.
 *
 * @example entryRetryDelaySeconds(1) // 900
 * @example entryRetryDelaySeconds(3) // 3600
 */
export function entryRetryDelaySeconds(attempts: number): number | null {
  if (attempts >= MAX_ENTRY_ATTEMPTS) return null;
  return Math.min(FIRST_ENTRY_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}
