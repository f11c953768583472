import type { Incident } from '../types.js';
import type { IncidentStatus } from '../ui/vocabulary.js';

/** The shapes of `GET /api/review-queue` and `POST /api/review/bulk` (src/server/schemas/review.ts). */
export type IncidentAction = 'review' | 'merge' | 'unmerge' | 'split';
export type QueueSort = 'arrival' | 'date' | 'score';

export interface CardReport {
  readonly id: number;
  readonly eventKind: string | null;
  readonly source: {
    readonly id: number;
    readonly outlet: string | null;
    readonly title: string | null;
    readonly url: string | null;
    readonly published: string | null;
  } | null;
  readonly excerpt: { readonly text: string; readonly start: number; readonly end: number } | null;
  /** In the source text's offsets; subtract `excerpt.start` to place them in the excerpt. */
  readonly spans: readonly { readonly start: number; readonly end: number }[];
}

export interface SuggestedDuplicate {
  readonly id: number;
  readonly score: number;
  readonly reason: string;
  readonly incident: {
    readonly id: number;
    readonly title: string;
    readonly status: IncidentStatus;
    readonly kind: string;
    readonly dateStart: string | null;
    readonly placeName: string | null;
  };
}

export interface ReviewCard {
  readonly incident: Incident;
  readonly score: number | null;
  readonly reportCount: number;
  readonly reports: readonly CardReport[];
  readonly suggestions: readonly SuggestedDuplicate[];
  readonly actions: readonly IncidentAction[];
}

export interface ReviewQueuePage {
  readonly items: readonly ReviewCard[];
  readonly total: number;
  readonly limit: number;
  readonly sort: QueueSort;
  readonly order: 'asc' | 'desc';
  readonly nextCursor: string | null;
}

export type BulkOutcome =
  | { readonly id: number; readonly ok: true; readonly status: IncidentStatus; readonly version: number }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string };
    };

export interface BulkResult {
  readonly done: number;
  readonly failed: number;
  readonly outcomes: readonly BulkOutcome[];
}

/** A merge target as the picker shows it: from a suggestion or from a search hit. */
export interface MergeTarget {
  readonly id: number;
  readonly title: string;
  readonly detail: string;
}
