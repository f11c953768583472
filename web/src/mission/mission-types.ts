/** The mission's shapes as `/api/mission/*` answers them. */
export interface Post {
  readonly code: string;
  readonly name: string;
  readonly placeName: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly openedOn: string;
}

/** One day's activity record and a filed day with its corrections: the server's own types. */
export type { Activity, ActivityDay } from '../agreement/server-types.js';
import type { Activity } from '../agreement/server-types.js';

type Figure = number | null;

export interface MissionStatus {
  readonly mission: { readonly name: string };
  readonly term: {
    readonly state: string;
    readonly period: number;
    readonly termEnd: string;
    readonly nextNoticeDate: string | null;
    readonly renewsAutomatically: boolean;
  };
  readonly ceilings: {
    readonly personnel: Figure;
    readonly armouredVehicles: Figure;
    readonly otherVehicles: Figure;
  };
  readonly strength: {
    readonly personnel: Figure;
    readonly armouredVehicles: Figure;
    readonly otherVehicles: Figure;
    readonly asOf: string | null;
  };
  readonly posts: { readonly open: number; readonly list: readonly Post[] };
  readonly totals: Readonly<Record<ActivityTotal, number>>;
}

/** The cumulative figures `GET /api/mission/status` gives under `totals`. */
export type ActivityTotal =
  | 'days'
  | 'patrols'
  | 'escortVehicles'
  | 'escortPeople'
  | 'returned'
  | 'deminedHectares'
  | 'deminedRoadKm'
  | 'deminedBuildings'
  | 'explosiveItems'
  | 'humanitarianTonnes'
  | 'violationsRecorded';

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
