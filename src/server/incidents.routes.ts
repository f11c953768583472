import type { Runtime } from '../platform/runtime.js';
import { invalid, notFound } from '../platform/errors.js';
import { getIncidentDetail } from '../record/incident-detail-store.js';
import { parseIncidentFilters } from '../record/incident-filters.js';
import { listIncidents } from '../record/incident-store.js';
import { parseInput } from '../platform/parse.js';
import { IncidentQuery, StatementQuery } from '../record/schemas.js';
import { countStatements, listStatements } from '../record/statement-store.js';
import { detailFor, shownUrl } from '../record/visibility.js';
import { canSeeSource } from '../record/visibility-store.js';
import { cachedJson, createResponseCache } from './response-cache.js';
import { queryReader, REVIEWERS, type AppContext, type RouteSpec } from './route.js';
import { checkIncidentVisible, visibilityOf } from './visibility.js';

export const idParam = (c: AppContext, name = 'id'): number => {
  const id = Number(c.req.param(name));
  if (!Number.isSafeInteger(id) || id < 1) throw invalid(name, 'must be a positive integer');
  return id;
};

/** Reading the record: incidents, one incident, its sources, the review queue, statements. */
export function incidentRoutes(runtime: Runtime): RouteSpec[] {
  const { db } = runtime;
  const cached = createResponseCache(db);
  return [
    {
      method: 'GET',
      path: '/api/incidents',
      summary: 'Incidents the caller may see, filtered and paged',
      allow: 'anyone',
      query: IncidentQuery,
      handler: async (c) => {
        const filters = parseIncidentFilters(queryReader(c));
        const visibility = visibilityOf(c);
        const key = `list?${new URL(c.req.url).searchParams.toString()}|${JSON.stringify(visibility)}`;
        return cachedJson(c, cached, key, () => listIncidents(db, filters, visibility));
      },
    },
    {
      method: 'GET',
      path: '/api/incidents/:id',
      summary:
        'One incident: reports, sources and evidence, merge explanations, casualties, responses, history',
      allow: 'anyone',
      handler: async (c) => {
        const id = idParam(c);
        await checkIncidentVisible(c, db, id);
        return c.json(detailFor(await getIncidentDetail(db, id), visibilityOf(c)));
      },
    },
    {
      method: 'GET',
      path: '/api/sources/:id',
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
      summary: 'Candidates and incidents under review, oldest first',
      allow: REVIEWERS,
      query: IncidentQuery,
      handler: async (c) => {
        const filters = parseIncidentFilters(queryReader(c));
        const status = filters.status?.length ? filters.status : (['candidate', 'under_review'] as const);
        return c.json(
          await listIncidents(db, {
            ...filters,
            status: [...status],
            sort: c.req.query('sort') ? filters.sort : 'oldest',
          }),
        );
      },
    },
    {
      method: 'GET',
      path: '/api/statements',
      summary: 'Statements with speakers resolved to actors',
      allow: 'anyone',
      query: StatementQuery,
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
