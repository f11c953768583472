import { z } from 'zod';

/** What a place is. A theatre pack's places and the world base's towns and countries use these. */
export const PlaceKind = z.enum([
  'country',
  'region',
  'district',
  'settlement',
  'corridor',
  'pass',
  'road',
  'checkpoint',
  'observation_post',
  'line_of_contact',
  'border',
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

/** How precisely a place's coordinates locate a fact, finest first (ACLED's geo-precision is derived). */
export const PlacePrecision = z.enum(['exact', 'near', 'district', 'region', 'country']);
export type PlacePrecision = z.infer<typeof PlacePrecision>;

export interface PlacePrecisionProperties {
  /** The place is a point a map can show as the event's location (not an area's centre). */
  readonly isPoint: boolean;
  /** ACLED `geo_precision`: 1 the town itself, 2 near a town or a small area, 3 a larger region. */
  readonly acledGeoPrecision: 1 | 2 | 3;
}

export const PLACE_PRECISION: Readonly<Record<PlacePrecision, PlacePrecisionProperties>> = {
  exact: { isPoint: true, acledGeoPrecision: 1 },
  near: { isPoint: true, acledGeoPrecision: 2 },
  district: { isPoint: false, acledGeoPrecision: 3 },
  region: { isPoint: false, acledGeoPrecision: 3 },
  country: { isPoint: false, acledGeoPrecision: 3 },
};

/**
 * The precision a string names, or null.
 *
 * @example placePrecisionOf('near') // 'near'
 */
export function placePrecisionOf(value: string | null): PlacePrecision | null {
  return PlacePrecision.options.find((p) => p === value) ?? null;
}
