import type { Runtime } from '../platform/runtime.js';
import { invalid, notFound } from '../platform/errors.js';
import { getIncidentDetail, type IncidentDetail } from '../record/incident-detail-store.js';
import { reviewActions } from '../record/review.js';
import { listReviewQueue } from '../record/review-queue-store.js';
import type { Role } from '../record/taxonomy.js';
import { parseIncidentFilters } from '../record/incident-filters.js';
import { namedParties } from '../record/notification-store.js';
import { mayReply, replyParty } from '../record/reply.js';
import { incidentIdByPublicId } from '../record/incident-store.js';
import { listIncidents } from '../record/incident-list-store.js';
import type { Db } from '../platform/db/dialect.js';
import { parseInput } from '../platform/parse.js';
import { IncidentQuery, StatementQuery } from '../record/schemas.js';
import { countStatements, listStatements } from '../record/statement-store.js';
import { detailFor, shownUrl } from '../record/visibility.js';
import { canSeeSource } from '../record/visibility-store.js';
import { cachedJson, createResponseCache } from './response-cache.js';
import { json, queryReader, type Answer, REVIEWERS, type AppContext, type RouteSpec } from './route.js';
import { IdParams, IncidentParams, isPublicId } from './schemas/common.js';
import {
  IncidentDetail as IncidentDetailSchema,
  IncidentPage,
  SourceView,
  StatementPage,
} from './schemas/record.js';
import { ReviewQueueOptions, ReviewQueuePage, ReviewQueueQuery } from './schemas/review.js';
import { checkIncidentVisible, visibilityOf } from './visibility.js';

/** The queue's own parameters, which the incident filters leave alone. */
const QUEUE_OPTIONS = new Set(['sort', 'order', 'cursor', 'limit']);

/** The review actions the caller may take on this incident, and (for reviewers) what was merged into it. */
function affordancesOf(detail: IncidentDetail, role: Role) {
  const mergedFrom = [
    ...new Set(detail.reports.flatMap((r) => (r.merge.fromIncident ? [r.merge.fromIncident] : []))),
  ];
  const actions = reviewActions(
    { status: detail.incident.status, reportCount: detail.reports.length, mergedFrom },
    role,
  );
  return { actions, mergedFrom: actions.length > 0 ? mergedFrom : [] };
}

export const idParam = (c: AppContext, name = 'id'): number => {
  const id = Number(c.req.param(name));
  if (!Number.isSafeInteger(id) || id < 1) throw invalid(name, 'must be a positive integer');
  return id;
};

/**
 * The incident a path names, by its number or by the public id exports carry. An unknown public
 * id answers 404 like an unknown number (visibility is checked by the caller, as for numbers).
 */
export async function incidentParam(c: AppContext, db: Db): Promise<number> {
  const { id: ref } = parseInput(IncidentParams, { id: c.req.param('id') }, 'id');
  if (!isPublicId(ref)) return Number(ref);
  const id = await incidentIdByPublicId(db, ref.toLowerCase());
  if (id === null) throw notFound('incident', ref);
  return id;
}

/** Reading the record: incidents, one incident, its sources, the review queue, statements. */
export function incidentRoutes(runtime: Runtime): RouteSpec[] {
  const { db } = runtime;
  const cached = createResponseCache(db);
  return [
    {
      method: 'GET',
      path: '/api/incidents',
      operationId: 'listIncidents',
      summary: 'Incidents the caller may see, filtered and paged',
      allow: 'anyone',
      query: IncidentQuery,
      responses: { 200: json('A page of incidents', IncidentPage) },
      handler: async (c) => {
        const filters = parseIncidentFilters(queryReader(c), { visibility: visibilityOf(c) });
        const visibility = visibilityOf(c);
        const key = `list?${new URL(c.req.url).searchParams.toString()}|${JSON.stringify(visibility)}`;
        return cachedJson(c, cached, key, () => listIncidents(db, filters, visibility));
      },
    },
    {
      method: 'GET',
      path: '/api/incidents/:id',
      operationId: 'getIncident',
      params: IncidentParams,
      responses: { 200: json('The incident in full', IncidentDetailSchema) },
      summary:
        'One incident: reports, sources and evidence, merge explanations, casualties, responses, history',
      allow: 'anyone',
      handler: async (c) => {
        const id = await incidentParam(c, db);
        await checkIncidentVisible(c, db, id);
        const full = await getIncidentDetail(db, id);
        const detail = detailFor(full, visibilityOf(c));
        const user = c.get('user');
        const parties = replyParty(user) === null ? [] : await namedParties(db, id);
        const answer: Answer<typeof IncidentDetailSchema> = {
          ...detail,
          mayReply: mayReply(user, parties),
          ...affordancesOf(full, c.get('role')),
        };
        return c.json(answer);
      },
    },
    {
      method: 'GET',
      path: '/api/sources/:id',
      operationId: 'getSource',
      params: IdParams,
      responses: { 200: json('The source and its clean text', SourceView) },
      summary: 'A source and its clean text, which evidence spans index',
      allow: 'anyone',
      handler: async (c) => {
        const id = idParam(c);
        const source = await db
          .selectFrom('sources')
          .select([
            'id',
            'url',
            'title',
            'publisher',
            'published_at',
            'language',
            'clean_text',
            'clean_sha256',
          ])
          .where('id', '=', id)
          .executeTakeFirst();
        const visibility = visibilityOf(c);
        if (!source || !(await canSeeSource(db, id, visibility))) throw notFound('source', id);
        return c.json({
          id: source.id,
          url: shownUrl(source.url, visibility),
          title: source.title,
          publisher: source.publisher,
          published: source.published_at,
          language: source.language,
          text: source.clean_text,
          textSha256: source.clean_sha256,
        });
      },
    },
    {
      method: 'GET',
      path: '/api/review-queue',
      operationId: 'listReviewQueue',
      summary:
        'Candidates and incidents under review, filtered, sorted (arrival, event date, duplicate score) and paged by cursor, each card with its report texts, sources, evidence and suggested duplicates',
      allow: REVIEWERS,
      query: ReviewQueueQuery,
      responses: { 200: json('A page of the queue', ReviewQueuePage) },
      handler: async (c) => {
        const read = queryReader(c);
        if (read('offset') !== undefined)
          throw invalid('offset', 'the queue pages by cursor: pass the nextCursor of the page before');
        const filters = parseIncidentFilters((name) => (QUEUE_OPTIONS.has(name) ? undefined : read(name)), {
          visibility: visibilityOf(c),
        });
        const options = parseInput(ReviewQueueOptions, c.req.query(), 'query');
        return c.json(await listReviewQueue(db, { filters, ...options, role: c.get('role') }));
      },
    },
    {
      method: 'GET',
      path: '/api/statements',
      operationId: 'listStatements',
      summary: 'Statements with speakers resolved to actors',
      allow: 'anyone',
      query: StatementQuery,
      responses: { 200: json('A page of statements', StatementPage) },
      handler: async (c) => {
        const query = parseInput(StatementQuery, c.req.query(), 'query');
        const visibility = visibilityOf(c);
        const [items, total] = await Promise.all([
          listStatements(db, query, visibility),
          countStatements(db, query, visibility),
        ]);
        return c.json({ items, total, limit: query.limit, offset: query.offset });
      },
    },
  ];
}
