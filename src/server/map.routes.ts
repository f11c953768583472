import { invalid } from '../platform/errors.js';
import type { Runtime } from '../platform/runtime.js';
import { parseIncidentFilters } from '../record/incident-filters.js';
import { incidentMap, incidentTimeline } from '../record/map-store.js';
import { IncidentQuery } from '../record/schemas.js';
import { cachedJson, createResponseCache } from './response-cache.js';
import { queryReader, type AppContext, type RouteSpec } from './route.js';
import { visibilityOf } from './visibility.js';

const zoomOf = (c: AppContext) => {
  const zoom = Number(c.req.query('zoom') ?? 6);
  if (!Number.isInteger(zoom) || zoom < 0 || zoom > 18)
    throw invalid('zoom', 'must be an integer from 0 to 18');
  return zoom;
};

/** The map (clustered on the server) and the timeline; answers are cached until the record changes. */
export function mapRoutes(runtime: Runtime): RouteSpec[] {
  const cached = createResponseCache(runtime.db);
  const keyOf = (c: AppContext) =>
    `${c.req.path}?${new URL(c.req.url).searchParams.toString()}|${JSON.stringify(visibilityOf(c))}`;
  return [
    {
      method: 'GET',
      path: '/api/map',
      summary: 'Incidents in a box: points when few, grid clusters otherwise',
      allow: 'anyone',
      query: IncidentQuery,
      handler: async (c) => {
        const zoom = zoomOf(c);
        const filters = parseIncidentFilters(queryReader(c));
        return cachedJson(c, cached, keyOf(c), () => incidentMap(runtime.db, filters, visibilityOf(c), zoom));
      },
    },
    {
      method: 'GET',
      path: '/api/timeline',
      summary: 'Incidents per day and kind',
      allow: 'anyone',
      query: IncidentQuery,
      handler: async (c) => {
        const filters = parseIncidentFilters(queryReader(c));
        return cachedJson(c, cached, keyOf(c), () => incidentTimeline(runtime.db, filters, visibilityOf(c)));
      },
    },
  ];
}
