import { z } from 'zod';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { listSuggestions } from '../record/merge-queue-store.js';
import {
  decideSuggestion,
  SUGGESTION_STATUSES,
  type SuggestionAction,
} from '../record/merge-suggestion-store.js';
import { idParam } from './incidents.routes.js';
import { json, jsonBody, REVIEWERS, type RouteSpec } from './route.js';
import { IdParams } from './schemas/common.js';
import { DuplicateSuggestionPage, SuggestionDecided } from './schemas/duplicates.js';
import { requireUser } from './visibility.js';

const SuggestionQuery = z.object({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const Decision = z.object({ reason: z.string().trim().min(1, 'must say why').max(2000) });

const ACTIONS: readonly { action: SuggestionAction; operationId: string; summary: string }[] = [
  {
    action: 'merge',
    operationId: 'mergeDuplicate',
    summary: 'Merge a suggested pair: the newer incident folds into the older (audited, undoable)',
  },
  {
    action: 'dismiss',
    operationId: 'dismissDuplicate',
    summary: 'Dismiss a suggestion: the pair is not suggested again (audited)',
  },
  {
    action: 'undo',
    operationId: 'undoDuplicate',
    summary: 'Undo a merge made from the queue: the incident gets its reports back (audited)',
  },
];

/** The duplicates queue: possible duplicates the merge found, and the analyst's answers. */
export function duplicatesRoutes(runtime: Runtime): RouteSpec[] {
  const { db } = runtime;
  return [
    {
      method: 'GET',
      path: '/api/duplicates',
      operationId: 'listDuplicates',
      responses: { 200: json('Possible duplicates of the status asked', DuplicateSuggestionPage) },
      summary: 'Possible duplicates, both incidents side by side, highest score first',
      allow: REVIEWERS,
      query: SuggestionQuery,
      handler: async (c) =>
        c.json(await listSuggestions(db, parseInput(SuggestionQuery, c.req.query(), 'query'))),
    },
    ...ACTIONS.map(({ action, operationId, summary }): RouteSpec => ({
      method: 'POST',
      path: `/api/duplicates/:id/${action}`,
      operationId,
      params: IdParams,
      responses: { 200: json('The suggestion and its new status', SuggestionDecided) },
      errors: [409],
      summary,
      allow: REVIEWERS,
      body: Decision,
      handler: async (c) => {
        const input = parseInput(Decision, await jsonBody(c), 'body');
        return c.json(
          await decideSuggestion(db, requireUser(c), { id: idParam(c), action, reason: input.reason }),
        );
      },
    })),
  ];
}
