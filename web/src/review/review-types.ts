/** The shapes of `GET /api/review-queue` and `POST /api/review/bulk`: the server's own (types only: nothing of it is bundled). */
export type {
  BulkOutcome,
  BulkReviewResult as BulkResult,
  CardReport,
  IncidentAction,
  QueueSort,
  ReviewCard,
  ReviewQueuePage,
  SuggestedDuplicate,
} from '../../../src/server/schemas/review.js';

/** A merge target as the picker shows it: from a suggestion or from a search hit. */
export interface MergeTarget {
  readonly id: number;
  readonly title: string;
  readonly detail: string;
}
