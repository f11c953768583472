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
