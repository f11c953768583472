import { z } from 'zod';

/** Where an incident stands in the verification workflow (design.md, "Incident"). */
export const INCIDENT_STATUSES = [
  'candidate',
  'under_review',
  'confirmed',
  'disputed',
  'rejected',
  'merged',
] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/**
 * The statuses the public record holds — the center's assessment, confirmed or disputed — and so
 * the only ones a public filter offers or accepts; staff see every status (`INCIDENT_STATUSES`).
 */
export const PUBLISHED_STATUSES = ['confirmed', 'disputed'] as const satisfies readonly IncidentStatus[];

/** The statuses a reviewer may set, in the order the review page offers them; `merged` is reached only by merging. */
export const REVIEW_TARGETS = [
  'under_review',
  'confirmed',
  'disputed',
  'rejected',
  'candidate',
] as const satisfies readonly Exclude<IncidentStatus, 'merged'>[];

/** Who uses Truce (design.md, "Users and what they do"). */
export const ROLES = ['admin', 'analyst', 'monitor', 'liaison', 'public'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
/** The roles an account can hold: the public is everyone without one. */
export const AccountRole = Role.exclude(['public']);
export type AccountRole = z.infer<typeof AccountRole>;
