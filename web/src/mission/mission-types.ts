/** The mission's shapes as `/api/mission/*` answers them: the server's own (types only). */
export type { MissionPost as Post, MissionStatus } from '../../../src/server/schemas/agreement.js';

/** One day's activity record and a filed day with its corrections: the server's own types. */
export type { Activity, ActivityDay } from '../agreement/server-types.js';
import type { Activity } from '../agreement/server-types.js';

/** The activity list, whether the API answers a page (`items`), `{activity}` or a bare array. */
export function activityItems(body: unknown): Activity[] {
  const list = Array.isArray(body)
    ? body
    : (pick(body, 'items') ?? pick(body, 'activity') ?? pick(body, 'days') ?? []);
  return (list as Activity[])
    .filter((a) => typeof a.day === 'string')
    .sort((a, b) => a.day.localeCompare(b.day));
}

function pick(body: unknown, key: string): unknown[] | undefined {
  if (typeof body !== 'object' || body === null || !(key in body)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[key];
  return Array.isArray(value) ? value : undefined;
}
