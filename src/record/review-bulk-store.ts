import type { Db } from '../platform/db/dialect.js';
import { presentError, TruceError } from '../platform/errors.js';
import { reviewIncident } from './review-store.js';
import type { IncidentStatus } from './taxonomy.js';
import type { User } from './user-store.js';

/** What a bulk review does to each incident: take it into review, or reject it. */
export const BULK_REVIEW_ACTIONS = {
  start_review: 'under_review',
  reject: 'rejected',
} as const satisfies Record<string, IncidentStatus>;
export type BulkReviewAction = keyof typeof BULK_REVIEW_ACTIONS;

export interface BulkReviewInput {
  readonly action: BulkReviewAction;
  /** One reason for all; each change is audited with it as if made alone. */
  readonly reason: string;
  /** The incidents, each with the version the reviewer saw (null: no check). */
  readonly items: readonly { readonly id: number; readonly baseVersion?: number | null }[];
}

export type BulkReviewOutcome =
  | { readonly id: number; readonly ok: true; readonly status: IncidentStatus; readonly version: number }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: ReturnType<typeof presentError>['error'];
    };

/**
 * Reviews many incidents with one reason, each in its own audited transaction exactly as the
 * single review: an unknown id, a disallowed step or a stale version is reported for that item
 * and the others go ahead. A failure that is not Truce's (the database gone) still throws.
 *
 * @example (await reviewMany(db, analyst, { action: 'reject', reason: 'not in the area', items })).filter((o) => !o.ok)
 */
export async function reviewMany(db: Db, user: User, input: BulkReviewInput): Promise<BulkReviewOutcome[]> {
  const status = BULK_REVIEW_ACTIONS[input.action];
  const outcomes: BulkReviewOutcome[] = [];
  for (const item of input.items) {
    try {
      const done = await reviewIncident(db, user, {
        id: item.id,
        status,
        reason: input.reason,
        baseVersion: item.baseVersion ?? null,
      });
      outcomes.push({ id: item.id, ok: true, status: done.status, version: done.version });
    } catch (error) {
      if (!(error instanceof TruceError)) throw error;
      outcomes.push({ id: item.id, ok: false, error: presentError(error).error });
    }
  }
  return outcomes;
}
