import { z } from 'zod';
import { actorOf } from '../audit/actor.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { runIngest } from '../record/ingest-run-store.js';
import { json, jsonBody, type RouteSpec } from './route.js';
import { requireUser } from './visibility.js';

/** Only an http(s) URL: the ingest path also reads files, which a web request must never reach. */
const IngestUrlInput = z.object({
  url: z
    .string()
    .trim()
    .max(2048)
    .regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL')
    .refine((text) => URL.canParse(text), 'must be a well-formed URL'),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .nullable()
    .optional()
    .meta({ description: 'The publication date when the page does not say' }),
});

export const IngestedUrl = z
  .object({
    status: z.enum(['new', 'version', 'duplicate']),
    label: z.string(),
    sourceId: z.number().int(),
    reports: z.number().int().min(0).optional(),
    opened: z.number().int().min(0).optional(),
    joined: z.number().int().min(0).optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'IngestedUrl' });
export type IngestedUrl = z.infer<typeof IngestedUrl>;

/**
 * Ingest one URL now, through the same audited path as `truce ingest URL`: fetched under the
 * address policy (loopback, private and metadata addresses refused), extracted, merged. A URL
 * that cannot be fetched or read is refused with the reason, naming the field.
 */
export function ingestUrlRoute(runtime: Runtime, clock: () => Date): RouteSpec {
  return {
    method: 'POST',
    path: '/api/ingest',
    operationId: 'ingestUrl',
    body: IngestUrlInput,
    responses: {
      200: json('What ingestion made of the page (new, a new version, a duplicate)', IngestedUrl),
    },
    summary: 'Fetch one article URL now, extract it and merge its reports into incidents (admins; audited)',
    allow: ['admin'],
    handler: async (c) => {
      const input = parseInput(IngestUrlInput, await jsonBody(c), 'body');
      const summary = await runIngest(runtime.db, [input.url], {
        published: input.published ?? null,
        actor: actorOf(requireUser(c)),
        clock,
      });
      const outcome = summary.outcomes[0];
      if (!outcome) throw invalid('url', 'nothing to ingest');
      if (outcome.status === 'failed') throw invalid('url', `cannot be ingested: ${outcome.reason}`);
      return c.json(outcome);
    },
  };
}
