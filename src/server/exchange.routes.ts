import { stream } from 'hono/streaming';
import { z } from 'zod';
import { EXPORT_FORMATS, exportIncidents } from '../exchange/export.js';
import { exportStatuses } from '../exchange/export-filters.js';
import { addFeed, listFeeds } from '../exchange/feeds/feed-store.js';
import { parseInterval } from '../exchange/feeds/interval.js';
import { actorOf } from '../audit/actor.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { parseIncidentFilters } from '../record/incident-filters.js';
import { IncidentQuery } from '../record/schemas.js';
import { json, jsonBody, queryReader, type RouteSpec } from './route.js';
import { FeedPage, FeedStatus } from './schemas/accounts.js';
import { isStaff, requireUser, visibilityOf } from './visibility.js';

const FeedInput = z.object({
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL'),
  every: z.string().default('15m'),
});

const ExportQuery = IncidentQuery.extend({
  format: z.enum(EXPORT_FORMATS),
  bom: z
    .enum(['0', '1'])
    .optional()
    .meta({ description: '1: start CSV with a byte-order mark (for spreadsheets)' }),
});

/** The JSON and GeoJSON exports: their envelope; each incident is described in the README. */
const JsonExport = z.looseObject({
  format: z.literal('truce.incidents'),
  version: z.number().int(),
  incidents: z.array(z.looseObject({ publicId: z.string() })),
});
const GeoJsonExport = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.looseObject({ type: z.literal('Feature') })),
});

/** csv-stringify gives strings, the JSON formats strings too; a Buffer passes as bytes. */
const chunkBytes = (chunk: unknown): string | Uint8Array =>
  chunk instanceof Uint8Array ? chunk : String(chunk);

/**
 * Exports streamed from the database as the client reads (the public gets confirmed incidents
 * only; staff every live one), and feed administration for admins.
 */
export function exchangeRoutes(runtime: Runtime, clock: () => Date): RouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/api/export',
      operationId: 'exportIncidents',
      query: ExportQuery,
      responses: {
        200: {
          description: 'The incidents, streamed as a file (content-disposition: attachment)',
          content: {
            'text/csv': z.string().meta({ description: 'ACLED, UCDP-style or HXL CSV' }),
            'application/geo+json': GeoJsonExport,
            'application/json': JsonExport,
          },
        },
      },
      summary:
        'Incidents as ACLED CSV, UCDP-style CSV, HXL CSV, GeoJSON or JSON (format=…, incident filters, bom=1); ACLED and UCDP leave out incidents no report dates (header X-Truce-Left-Out counts them)',
      allow: 'anyone',
      handler: async (c) => {
        const asked = c.req.query('format');
        const format = EXPORT_FORMATS.find((f) => f === asked);
        if (!format) throw invalid('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
        const filters = parseIncidentFilters(queryReader(c));
        const statuses = exportStatuses(filters.status, { publicOnly: !isStaff(c) });
        const out = exportIncidents(runtime.db, {
          format,
          filters: { ...filters, visibility: visibilityOf(c) },
          statuses,
          bom: c.req.query('bom') === '1',
        });
        c.header('content-type', out.contentType);
        c.header('content-disposition', `attachment; filename="${out.filename}"`);
        c.header('cache-control', 'no-store');
        const leftOut = await out.leftOut();
        if (leftOut) c.header('x-truce-left-out', `${leftOut.count} incident(s): ${leftOut.reason}`);
        return stream(
          c,
          async (s) => {
            for await (const chunk of out.body) await s.write(chunkBytes(chunk));
          },
          async (error) => runtime.log.error('export failed mid-stream', { error: String(error) }),
        );
      },
    },
    {
      method: 'GET',
      path: '/api/feeds',
      operationId: 'listFeeds',
      responses: { 200: json('Every feed with its polling status and failed entries', FeedPage) },
      summary: "Registered news feeds and each feed's polling status",
      allow: ['admin'],
      handler: async (c) => {
        const feeds = await listFeeds(runtime.db);
        return c.json({ items: feeds, total: feeds.length, limit: feeds.length, offset: 0 });
      },
    },
    {
      method: 'POST',
      path: '/api/feeds',
      operationId: 'addFeed',
      responses: { 201: json('The feed, due at once', FeedStatus) },
      errors: [409],
      summary: 'Register an RSS or Atom feed polled every interval ({url, every: "15m"})',
      allow: ['admin'],
      body: FeedInput,
      handler: async (c) => {
        const input = parseInput(FeedInput, await jsonBody(c), 'body');
        const feed = await addFeed(runtime.db, {
          url: input.url,
          intervalSeconds: parseInterval(input.every, 'every'),
          actor: actorOf(requireUser(c)),
          now: clock(),
        });
        return c.json(feed, 201);
      },
    },
  ];
}
