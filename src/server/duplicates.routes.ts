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
import { jsonBody, REVIEWERS, type RouteSpec } from './route.js';
import { requireUser } from './visibility.js';

const SuggestionQuery = z.object({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const Decision = z.object({ reason: z.string().trim().min(1, 'must say why').max(2000) });

const ACTIONS: readonly { action: SuggestionAction; summary: string }[] = [
  {
    action: 'merge',
    summary: 'Merge a suggested pair: the newer incident folds into the older (audited, undoable)',
  },
  { action: 'dismiss', summary: 'Dismiss a suggestion: the pair is not suggested again (audited)' },
  {
    action: 'undo',
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
      summary: 'Possible duplicates, both incidents side by side, highest score first',
      allow: REVIEWERS,
      query: SuggestionQuery,
      handler: async (c) =>
        c.json(await listSuggestions(db, parseInput(SuggestionQuery, c.req.query(), 'query'))),
    },
    ...ACTIONS.map(({ action, summary }): RouteSpec => ({
      method: 'POST',
      path: `/api/duplicates/:id/${action}`,
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
