import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import type { BasemapFile } from '../platform/basemap-file.js';
import { notFound } from '../platform/errors.js';
import type { Runtime } from '../platform/runtime.js';
import { byteRange, type ByteRange } from './byte-range.js';
import { json, type AppEnv, type RouteSpec } from './route.js';
import { MapBasemap } from './schemas/record.js';

/** Where the center's basemap is served: one stable URL, read by the web app with range requests. */
export const BASEMAP_PATH = '/basemap.pmtiles';

/** `GET /api/map/basemap`: whether the web app should draw the vector basemap, and from where. */
export function basemapRoutes(runtime: Runtime): RouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/api/map/basemap',
      operationId: 'getMapBasemap',
      summary: "The center's own vector basemap (PMTiles), if one is configured",
      allow: 'anyone',
      responses: { 200: json('Where the basemap is, or null', MapBasemap) },
      handler: (c) => {
        const body: MapBasemap = { url: runtime.config.basemap ? BASEMAP_PATH : null };
        return c.json(body);
      },
    },
  ];
}

/**
 * Serves the PMTiles archive at {@link BASEMAP_PATH} with byte ranges (206 and Content-Range, 416
 * past the end, HEAD, ETag and Last-Modified), streamed from disk: a regional extract can be
 * gigabytes and is never read whole. The file is looked at on every request, so replacing it
 * changes its ETag and clients start over. Without a basemap the path is a plain 404.
 */
export function mountBasemap(app: Hono<AppEnv>, basemap: BasemapFile | undefined): void {
  app.get(BASEMAP_PATH, async (c) => {
    if (!basemap) throw notFound('basemap', 'basemap.pmtiles');
    const file = await stat(basemap.path);
    const headers = fileHeaders(file);
    const etag = headers.get('ETag');
    const ifRange = c.req.header('If-Range');
    // A Range with an If-Range naming another version of the file gets the whole (new) file.
    const range: ByteRange =
      ifRange === undefined || ifRange === etag
        ? byteRange(c.req.header('Range'), file.size)
        : { kind: 'whole' };
    if (range.kind === 'whole' && c.req.header('If-None-Match') === etag)
      return new Response(null, { status: 304, headers });
    if (range.kind === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${file.size}`);
      return new Response(null, { status: 416, headers });
    }
    const { start, end } = range.kind === 'part' ? range : { start: 0, end: file.size - 1 };
    headers.set('Content-Length', String(end - start + 1));
    if (range.kind === 'part') headers.set('Content-Range', `bytes ${start}-${end}/${file.size}`);
    const status = range.kind === 'part' ? 206 : 200;
    if (c.req.method === 'HEAD' || end < start) return new Response(null, { status, headers });
    return new Response(Readable.toWeb(createReadStream(basemap.path, { start, end })), { status, headers });
  });
}

/** What every answer about the file says: its version (ETag, Last-Modified) and that ranges are served. */
function fileHeaders(file: Stats): Headers {
  return new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': 'application/vnd.pmtiles',
    // Revalidated on each use: the center may replace the file with a newer extract.
    'Cache-Control': 'no-cache',
    ETag: `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`,
    'Last-Modified': file.mtime.toUTCString(),
  });
}
