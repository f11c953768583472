import { z } from 'zod';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { parseIncidentFilters } from '../record/incident-filters.js';
import { incidentMap, incidentTimeline } from '../record/map-store.js';
import { labelsIn } from '../record/map-places.js';
import { labelTableOf } from '../record/map-places-io.js';
import { BBox, IncidentQuery } from '../record/schemas.js';
import { activeTheatre } from '../theatre/active.js';
import { cachedJson, createResponseCache } from './response-cache.js';
import { json, queryReader, type AppContext, type RouteSpec } from './route.js';
import { IncidentMap, IncidentTimeline, MapPlaces } from './schemas/record.js';
import { visibilityOf } from './visibility.js';

const ZOOM_RULE = 'must be an integer from 0 to 18';
const Zoom = z.number().int(ZOOM_RULE).min(0, ZOOM_RULE).max(18, ZOOM_RULE).default(6);
const MapQuery = IncidentQuery.extend({ zoom: Zoom });

const PlacesQuery = z.object({ bbox: BBox });

const bboxOf = (c: AppContext) => {
  const raw = c.req.query('bbox');
  const parts =
    raw === undefined ? undefined : raw.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  return parseInput(PlacesQuery, { bbox: parts }, 'query').bbox;
};

const zoomOf = (c: AppContext) => {
  const raw = c.req.query('zoom');
  return parseInput(Zoom, raw === undefined ? undefined : Number(raw), 'zoom');
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
      operationId: 'getMap',
      summary: 'Incidents in a box: points when few, grid clusters otherwise',
      allow: 'anyone',
      query: MapQuery,
      responses: { 200: json('Clusters and points', IncidentMap) },
      handler: async (c) => {
        const zoom = zoomOf(c);
        const filters = parseIncidentFilters(queryReader(c), { visibility: visibilityOf(c) });
        return cachedJson(c, cached, keyOf(c), () => incidentMap(runtime.db, filters, visibilityOf(c), zoom));
      },
    },
    {
      method: 'GET',
      path: '/api/map/places',
      operationId: 'getMapPlaces',
      summary: "Place names for a box (most populous first) and the theatre's places drawn as layers",
      allow: 'anyone',
      query: PlacesQuery,
      responses: { 200: json('Labels and theatre features', MapPlaces) },
      handler: async (c) => {
        const bbox = bboxOf(c);
        const table = labelTableOf(activeTheatre());
        c.header('Cache-Control', 'public, max-age=3600');
        return c.json({ labels: labelsIn(table, bbox), features: table.features });
      },
    },
    {
      method: 'GET',
      path: '/api/timeline',
      operationId: 'getTimeline',
      summary: 'Incidents per day and kind',
      allow: 'anyone',
      query: IncidentQuery,
      responses: { 200: json('Counts per day and kind', IncidentTimeline) },
      handler: async (c) => {
        const filters = parseIncidentFilters(queryReader(c), { visibility: visibilityOf(c) });
        return cachedJson(c, cached, keyOf(c), () => incidentTimeline(runtime.db, filters, visibilityOf(c)));
      },
    },
  ];
}
