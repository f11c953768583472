import type { IncidentKind, IncidentStatus, Role } from './ui/vocabulary.js';

export type { Role };

/** The API's shapes as the app reads them (see docs/api.md); closed sets come from the server's vocabulary. */
export interface User {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly party: string | null;
}

export interface Me {
  readonly user: User | null;
  readonly role: Role;
  readonly csrfToken: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface Incident {
  readonly id: number;
  readonly kind: IncidentKind;
  readonly title: string;
  readonly summary: string | null;
  /** Both null when no report dates the incident. */
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly placeName: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly status: IncidentStatus;
  readonly version: number;
}

export interface MapCluster {
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  readonly bbox: readonly [number, number, number, number];
  readonly kinds: Readonly<Record<string, number>>;
}

export interface MapPoint {
  readonly id: number;
  readonly lat: number;
  readonly lon: number;
  readonly kind: IncidentKind;
  readonly status: IncidentStatus;
  readonly title: string;
  readonly date: string | null;
}

export interface MapAnswer {
  readonly clusters: readonly MapCluster[];
  readonly points: readonly MapPoint[];
  /** Incidents the filters hold that have no coordinates (on no place of the map). */
  readonly unlocated: number;
}

export interface TimelineDay {
  readonly date: string;
  readonly count: number;
  readonly byKind: Readonly<Record<string, number>>;
}
