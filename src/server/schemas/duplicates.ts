import { z } from 'zod';
import { SUGGESTION_STATUSES } from '../../record/merge-suggestion-store.js';
import { CasualtyCategory } from '../../vocabulary/index.js';
import { IncidentSchema } from './record.js';

/** What the duplicates queue answers: possible duplicates, both incidents side by side. */

const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

const Feature = z.looseObject({
  name: z.string(),
  value: z.number(),
  weight: z.number(),
  veto: z.boolean(),
  note: z.string(),
});

/** The merge's comparison of the pair: its score, verdict, thresholds and features. */
const Comparison = z.looseObject({
  score: z.number(),
  merge: z.boolean(),
  verdict: z.enum(['join', 'suggest', 'apart']),
  thresholds: z.object({ join: z.number(), suggest: z.number() }),
  features: z.array(Feature),
  reason: z.string(),
});

const SuggestionSide = z.object({
  incident: IncidentSchema,
  totals: z.array(
    z.object({ category: CasualtyCategory, low: z.number(), best: z.number(), high: z.number() }),
  ),
  sources: z.array(
    z.object({
      id: z.number().int(),
      title: Nullable(z.string()),
      publisher: Nullable(z.string()),
      url: Nullable(z.string()),
      published: Nullable(z.string()),
    }),
  ),
});

export const SuggestionStatus = z.enum(SUGGESTION_STATUSES);

export const DuplicateSuggestion = z
  .object({
    id: z.number().int(),
    status: SuggestionStatus,
    score: z.number(),
    explanation: Comparison,
    createdAt: z.string(),
    decidedAt: Nullable(z.string()),
    decidedBy: Nullable(z.string()),
    reason: Nullable(z.string()),
    incident: SuggestionSide,
    candidate: SuggestionSide,
  })
  .meta({ id: 'DuplicateSuggestion' });
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;
export type SuggestionSide = z.infer<typeof SuggestionSide>;
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;
export type MergeFeature = z.infer<typeof Feature>;

export const DuplicateSuggestionPage = z
  .object({ items: z.array(DuplicateSuggestion), total: z.number().int().min(0) })
  .meta({ id: 'DuplicateSuggestionPage' });

export const SuggestionDecided = z.object({ id: z.number().int(), status: SuggestionStatus });
