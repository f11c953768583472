import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { EXPORT_FORMATS, exportIncidents } from '../exchange/export.js';
import { exportStatuses } from '../exchange/export-filters.js';
import { addFeed, listFeeds } from '../exchange/feeds/feed-store.js';
import { parseInterval } from '../exchange/feeds/interval.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { parseIncidentFilters } from '../record/incident-filters.js';

export interface ExchangeRouteOptions {
  /** True when the caller may export every live incident; otherwise only confirmed ones. Default: nobody. */
  readonly seesUnconfirmed?: (c: Context) => boolean;
}

/**
 * Exports over HTTP: `GET /export?format=acled|ucdp|geojson|hxl|json&<incident filters>&bom=1`,
 * streamed from the database as the client reads. Public callers get confirmed incidents only.
 *
 * @example app.route('/api', exchangeRoutes(runtime, { seesUnconfirmed: (c) => isStaff(c) }))
 */
export function exchangeRoutes(runtime: Runtime, options: ExchangeRouteOptions = {}): Hono {
  const app = new Hono();
  app.get('/export', (c) => {
    const asked = c.req.query('format');
    const format = EXPORT_FORMATS.find((f) => f === asked);
    if (!format) throw invalid('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
    const filters = parseIncidentFilters((name) => c.req.queries(name));
    const statuses = exportStatuses(filters.status, { publicOnly: !(options.seesUnconfirmed?.(c) ?? false) });
    const out = exportIncidents(runtime.db, { format, filters, statuses, bom: c.req.query('bom') === '1' });
    c.header('content-type', out.contentType);
    c.header('content-disposition', `attachment; filename="${out.filename}"`);
    c.header('cache-control', 'no-store');
    return stream(
      c,
      async (s) => {
        for await (const chunk of out.body) await s.write(chunkBytes(chunk));
      },
      async (error) => runtime.log.error('export failed mid-stream', { error: String(error) }),
    );
  });
  return app;
}

/** csv-stringify gives strings, the JSON formats strings too; a Buffer passes as bytes. */
const chunkBytes = (chunk: unknown): string | Uint8Array =>
  chunk instanceof Uint8Array ? chunk : String(chunk);

const FeedInput = z.object({
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL'),
  every: z.string().default('15m'),
});

/**
 * Feed administration (admins only — mount behind the admin guard): `GET /feeds` lists each feed's
 * status; `POST /feeds` with `{ "url": "…", "every": "15m" }` registers one.
 *
 * @example adminApp.route('/api', feedAdminRoutes(runtime, (c) => `user:${c.get('user').username}`))
 */
export function feedAdminRoutes(runtime: Runtime, actorOf: (c: Context) => string = () => 'admin'): Hono {
  const app = new Hono();
  app.get('/feeds', async (c) => c.json({ feeds: await listFeeds(runtime.db) }));
  app.post('/feeds', async (c) => {
    const input = parseInput(FeedInput, await c.req.json().catch(() => null), 'body');
    const feed = await addFeed(runtime.db, {
      url: input.url,
      intervalSeconds: parseInterval(input.every, 'every'),
      actor: actorOf(c),
      now: new Date(),
    });
    return c.json(feed, 201);
  });
  return app;
}
