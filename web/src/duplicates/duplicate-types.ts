import type { Incident } from '../types.js';

/** The shapes of `GET /api/duplicates` (see src/record/merge-queue-store.ts). */
export interface MergeFeature {
  readonly name: string;
  readonly value: number;
  readonly weight: number;
  readonly veto: boolean;
  readonly note: string;
}

export interface SuggestionSide {
  readonly incident: Incident & { readonly datePrecision?: string; readonly geoPrecision?: string | null };
  readonly totals: readonly {
    readonly category: string;
    readonly low: number;
    readonly best: number;
    readonly high: number;
  }[];
  readonly sources: readonly {
    readonly id: number;
    readonly title: string | null;
    readonly publisher: string | null;
    readonly url: string | null;
    readonly published: string | null;
  }[];
}

export type SuggestionStatus = 'open' | 'merged' | 'dismissed';

export interface DuplicateSuggestion {
  readonly id: number;
  readonly status: SuggestionStatus;
  readonly score: number;
  readonly explanation: {
    readonly reason: string;
    readonly features: readonly MergeFeature[];
    readonly thresholds?: { readonly join: number; readonly suggest: number };
  };
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly incident: SuggestionSide;
  readonly candidate: SuggestionSide;
}
