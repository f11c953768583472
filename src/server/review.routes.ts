import { z } from 'zod';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import {
  mergeIncidents,
  respondToIncident,
  reviewIncident,
  splitReport,
  unmergeIncident,
} from '../record/review-store.js';
import { RESPONSE_STANCES } from '../record/review.js';
import { reviewMany } from '../record/review-bulk-store.js';
import { incidentParam } from './incidents.routes.js';
import { json, jsonBody, REVIEWERS, type RouteSpec } from './route.js';
import { IncidentParams, Ok } from './schemas/common.js';
import { MergeOutcome, ResponseCreated, ReviewOutcome, SplitOutcome } from './schemas/record.js';
import { BulkReview, BulkReviewResult } from './schemas/review.js';
import { requireUser } from './visibility.js';

const Reason = z.string().trim().min(1, 'must say why').max(2000);
const Version = z.number().int().min(1).nullable().optional();
const Review = z.object({ status: z.string(), reason: Reason, baseVersion: Version });
const Merge = z.object({ into: z.number().int().min(1), reason: Reason });
const Unmerge = z.object({ reason: Reason });
const Split = z.object({ reportId: z.number().int().min(1), reason: Reason, baseVersion: Version });
const Response = z.object({
  stance: z.enum(RESPONSE_STANCES),
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
});

/** The analyst's actions on the record, and the liaisons' right of reply. */
export function reviewRoutes(runtime: Runtime): RouteSpec[] {
  const { db } = runtime;
  return [
    {
      method: 'POST',
      path: '/api/incidents/:id/review',
      operationId: 'reviewIncident',
      params: IncidentParams,
      responses: { 200: json('The new status and version', ReviewOutcome) },
      errors: [409],
      summary: 'Change the status, with a reason, based on the version the reviewer saw (409 when stale)',
      allow: REVIEWERS,
      body: Review,
      handler: async (c) => {
        const input = parseInput(Review, await jsonBody(c), 'body');
        return c.json(await reviewIncident(db, requireUser(c), { id: await incidentParam(c, db), ...input }));
      },
    },
    {
      method: 'POST',
      path: '/api/review/bulk',
      operationId: 'reviewMany',
      responses: { 200: json('What happened to each incident', BulkReviewResult) },
      summary:
        'Start review of many incidents, or reject many with one reason; each change audited alone, each failure (unknown, disallowed, stale version) reported for its item while the others go ahead',
      allow: REVIEWERS,
      body: BulkReview,
      handler: async (c) => {
        const input = parseInput(BulkReview, await jsonBody(c), 'body');
        const outcomes = await reviewMany(db, requireUser(c), input);
        const done = outcomes.filter((o) => o.ok).length;
        return c.json({ done, failed: outcomes.length - done, outcomes });
      },
    },
    {
      method: 'POST',
      path: '/api/incidents/:id/merge',
      operationId: 'mergeIncident',
      params: IncidentParams,
      responses: { 200: json('Merged', MergeOutcome) },
      errors: [409],
      summary: 'Merge this incident into another',
      allow: REVIEWERS,
      body: Merge,
      handler: async (c) => {
        const input = parseInput(Merge, await jsonBody(c), 'body');
        await mergeIncidents(db, requireUser(c), {
          from: await incidentParam(c, db),
          into: input.into,
          reason: input.reason,
        });
        return c.json({ ok: true, mergedInto: input.into });
      },
    },
    {
      method: 'POST',
      path: '/api/incidents/:id/unmerge',
      operationId: 'unmergeIncident',
      params: IncidentParams,
      responses: { 200: json('Unmerged', Ok) },
      errors: [409],
      summary: 'Undo a merge: the incident gets its reports back',
      allow: REVIEWERS,
      body: Unmerge,
      handler: async (c) => {
        const input = parseInput(Unmerge, await jsonBody(c), 'body');
        await unmergeIncident(db, requireUser(c), { id: await incidentParam(c, db), reason: input.reason });
        return c.json({ ok: true });
      },
    },
    {
      method: 'POST',
      path: '/api/incidents/:id/split',
      operationId: 'splitIncident',
      params: IncidentParams,
      responses: { 200: json('The new incident', SplitOutcome) },
      errors: [409],
      summary: 'Split a report out into a new incident',
      allow: REVIEWERS,
      body: Split,
      handler: async (c) => {
        const input = parseInput(Split, await jsonBody(c), 'body');
        return c.json(
          await splitReport(db, requireUser(c), { incidentId: await incidentParam(c, db), ...input }),
        );
      },
    },
    {
      method: 'POST',
      path: '/api/incidents/:id/responses',
      operationId: 'respondToIncident',
      params: IncidentParams,
      responses: { 201: json('The response, recorded', ResponseCreated) },
      summary: "A liaison's response for their party",
      allow: ['liaison'],
      body: Response,
      handler: async (c) => {
        const input = parseInput(Response, await jsonBody(c), 'body');
        return c.json(
          await respondToIncident(db, requireUser(c), { incidentId: await incidentParam(c, db), ...input }),
          201,
        );
      },
    },
  ];
}
