import { stream } from 'hono/streaming';
import { z } from 'zod';
import { EXPORT_FORMATS, exportIncidents } from '../exchange/export.js';
import { exportStatuses } from '../exchange/export-filters.js';
import { addFeed, feedStatus, listFeeds, setFeedPaused } from '../exchange/feeds/feed-store.js';
import { parseInterval } from '../exchange/feeds/interval.js';
import { actorOf } from '../audit/actor.js';
import { PROOF_EXPORT_FORMAT, proofExportText } from '../audit/proof-export.js';
import { forbidden, invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { parseIncidentFilters } from '../record/incident-filters.js';
import { IncidentQuery } from '../record/schemas.js';
import type { ExportFilters } from '../exchange/export-filters.js';
import type { Db } from '../platform/db/dialect.js';
import type { IncidentStatus } from '../record/taxonomy.js';
import { json, jsonBody, queryReader, type AppContext, type RouteSpec } from './route.js';
import { ingestUrlRoute } from './ingest-url.routes.js';
import { IdParams } from './schemas/common.js';
import { idParam } from './incidents.routes.js';
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
  proofs: z.enum(['0', '1']).optional().meta({
    description:
      "1 (format=json, staff only: audit entries name staff and hold review reasons): per incident its audit entries, their inclusion proofs and the cosigned checkpoint, the document `truce export --format json --proofs` writes; check it offline with `truce verify` or the web app's Verify page",
  }),
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

/** The export with proofs (`proofs=1`): see src/audit/proof-export.ts. */
const ProofExportDocument = z
  .looseObject({
    format: z.literal(PROOF_EXPORT_FORMAT),
    checkpoint: z.string().meta({ description: 'the C2SP signed note with its cosignature lines' }),
    size: z.number().int(),
    incidents: z.array(z.looseObject({ id: z.number().int(), audit: z.array(z.looseObject({})) })),
  })
  .meta({ id: 'ProofExport' });

/** csv-stringify gives strings, the JSON formats strings too; a Buffer passes as bytes. */
const chunkBytes = (chunk: unknown): string | Uint8Array =>
  chunk instanceof Uint8Array ? chunk : String(chunk);

/**
 * The export with proofs, the same text the CLI writes. Staff only: the audit entries it carries
 * in full name the staff who made each change and hold the reviewers' reasons, which the public
 * and liaisons never see (the public history leaves them out).
 */
async function proofsResponse(
  c: AppContext,
  format: string,
  filters: ExportFilters,
  statuses: IncidentStatus[],
  db: Db,
): Promise<Response> {
  if (format !== 'json') throw invalid('proofs', 'goes with format=json');
  if (!isStaff(c))
    throw forbidden('proofs: an export with proofs holds staff names and review reasons; staff only');
  const text = await proofExportText(db, filters, statuses);
  return c.body(text, 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': 'attachment; filename="truce-incidents-proofs.json"',
    'cache-control': 'no-store',
  });
}

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
      errors: [403],
      responses: {
        200: {
          description: 'The incidents, streamed as a file (content-disposition: attachment)',
          content: {
            'text/csv': z.string().meta({ description: 'ACLED, UCDP-style or HXL CSV' }),
            'application/geo+json': GeoJsonExport,
            'application/json': z.union([JsonExport, ProofExportDocument]),
          },
        },
      },
      summary:
        'Incidents as ACLED CSV, UCDP-style CSV, HXL CSV, GeoJSON or JSON (format=…, incident filters, bom=1; proofs=1 for staff); ACLED and UCDP leave out incidents no report dates (header X-Truce-Left-Out counts them)',
      allow: 'anyone',
      handler: async (c) => {
        const asked = c.req.query('format');
        const format = EXPORT_FORMATS.find((f) => f === asked);
        if (!format) throw invalid('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
        const filters = parseIncidentFilters(queryReader(c), { visibility: visibilityOf(c) });
        const statuses = exportStatuses(filters.status, { publicOnly: !isStaff(c) });
        if (c.req.query('proofs') === '1')
          return proofsResponse(c, format, { ...filters, visibility: visibilityOf(c) }, statuses, runtime.db);
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
    {
      method: 'GET',
      path: '/api/feeds/:id',
      operationId: 'getFeed',
      params: IdParams,
      responses: { 200: json('The feed, its polling status and its latest failed entries', FeedStatus) },
      summary: "One feed's status: last poll, last error, failures in a row, failed entries",
      allow: ['admin'],
      handler: async (c) => c.json(await feedStatus(runtime.db, idParam(c))),
    },
    ...(['pause', 'resume'] as const).map((verb): RouteSpec => ({
      method: 'POST',
      path: `/api/feeds/:id/${verb}`,
      operationId: verb === 'pause' ? 'pauseFeed' : 'resumeFeed',
      params: IdParams,
      responses: { 200: json(verb === 'pause' ? 'Paused' : 'Resumed, due at once', FeedStatus) },
      summary:
        verb === 'pause'
          ? 'Pause a feed: it is not polled until resumed (admins; audited)'
          : 'Resume a paused feed: it is due at once (admins; audited)',
      allow: ['admin'],
      handler: async (c) =>
        c.json(
          await setFeedPaused(runtime.db, {
            id: idParam(c),
            paused: verb === 'pause',
            actor: actorOf(requireUser(c)),
            now: clock(),
          }),
        ),
    })),
    ingestUrlRoute(runtime, clock),
  ];
}
