import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { createApp } from './app.js';
import { STREETS_BOUNDS, writeStreetsArchive } from './test-support/streets-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'truce-basemap-'));
const archive = writeStreetsArchive(dir);
const bytes = readFileSync(archive);
let runtime: Runtime;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  runtime = await openRuntime(
    loadConfig({ db: 'sqlite::memory:', logLevel: 'silent', basemap: archive }, {}),
  );
  app = createApp(runtime);
});
afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (headers: Record<string, string> = {}, method = 'GET') =>
  app.request('/basemap.pmtiles', { method, headers });

/** The PMTiles reader, reading the archive through the route as a browser would. */
const throughRoute: Source = {
  getKey: () => '/basemap.pmtiles',
  getBytes: async (offset, length): Promise<RangeResponse> => {
    const response = await get({ range: `bytes=${offset}-${offset + length - 1}` });
    expect(response.status).toBe(206);
    return { data: await response.arrayBuffer(), etag: response.headers.get('etag') ?? undefined };
  },
};

describe('the basemap served with byte ranges', () => {
  it('tells the web app where the basemap is', async () => {
    const response = await app.request('/api/map/basemap');
    expect(await response.json()).toEqual({ url: '/basemap.pmtiles' });
  });

  it('answers a range with 206, the bytes of that range and where they sit in the file', async () => {
    const response = await get({ range: 'bytes=0-6' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-6/${bytes.length}`);
    expect(response.headers.get('content-length')).toBe('7');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await response.arrayBuffer()).toString('latin1')).toBe('PMTiles');
    const tail = await get({ range: 'bytes=-100' });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 100));
  });

  it('keeps the security headers on the file', async () => {
    const response = await get({ range: 'bytes=0-0' });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 416 with the size for a range past the end', async () => {
    const response = await get({ range: `bytes=${bytes.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('answers HEAD with the size and version and no body', async () => {
    const response = await get({}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Date(response.headers.get('last-modified') ?? '').getTime()).not.toBeNaN();
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('sends the whole file without a range, 304 when the client has it, all of it for a stale If-Range', async () => {
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
    const etag = whole.headers.get('etag') ?? '';
    expect((await get({ 'if-none-match': etag })).status).toBe(304);
    const stale = await get({ range: 'bytes=0-6', 'if-range': '"0-0"' });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('content-length')).toBe(String(bytes.length));
    expect((await get({ range: 'bytes=0-6', 'if-range': etag })).status).toBe(206);
  });

  it('is a valid PMTiles v3 archive of vector tiles, read whole through the route', async () => {
    const reader = new PMTiles(throughRoute);
    const header = await reader.getHeader();
    expect(header).toMatchObject({ specVersion: 3, tileType: 1, maxZoom: 14 });
    expect(header.minZoom).toBeLessThanOrEqual(7); // drawn from the demo's default view on
    expect(header.minLon).toBeCloseTo(STREETS_BOUNDS[0], 5);
    expect(header.maxLat).toBeCloseTo(STREETS_BOUNDS[3], 5);
    // The street-level tile under the town's centre (40.0 N, 46.6 E at zoom 14).
    const tile = await reader.getZxy(14, 10312, 6202);
    expect(tile?.data.byteLength).toBeGreaterThan(100);
    expect(await reader.getZxy(14, 0, 0)).toBeUndefined();
    expect(await reader.getMetadata()).toMatchObject({ name: 'Truce test streets' });
  });
});

describe('without a basemap', () => {
  it('says so to the web app and has no file to serve', async () => {
    const plain = await openRuntime(loadConfig({ db: 'sqlite::memory:', logLevel: 'silent' }, {}));
    try {
      const bare = createApp(plain);
      expect(await (await bare.request('/api/map/basemap')).json()).toEqual({ url: null });
      expect((await bare.request('/basemap.pmtiles')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('the --basemap option at start-up', () => {
  const file = (name: string, content: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const version2 = Buffer.concat([Buffer.from('PMTiles', 'latin1'), Buffer.from([2]), Buffer.alloc(119)]);

  it.each([
    [
      'a text file',
      () => file('notes.pmtiles', 'Street names, in a list\n'.repeat(10)),
      /is not a PMTiles archive/,
    ],
    ['an MBTiles-like file', () => file('old.mbtiles', Buffer.alloc(4096)), /is not a PMTiles archive/],
    ['a PMTiles v2 archive', () => file('v2.pmtiles', version2), /is PMTiles version 2/],
    ['a missing file', () => join(dir, 'absent.pmtiles'), /no such file/],
    ['a folder', () => dir, /is not a file/],
  ])('refuses %s, naming the option and the rule', (_what, path, reason) => {
    const load = () => loadConfig({ db: 'sqlite::memory:', basemap: path() }, {});
    expect(load).toThrow(/^--basemap: must be a readable PMTiles v3 file/);
    expect(load).toThrow(reason);
  });
});
