/** The shapes of `GET /api/duplicates`: the server's own (types only: nothing of it is bundled). */
export type {
  DuplicateSuggestion,
  MergeFeature,
  SuggestionSide,
  SuggestionStatus,
} from '../../../src/server/schemas/duplicates.js';
