import { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { seedExchangeIncidents } from '../exchange/test-support/incidents.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { httpStatusOf, presentError } from '../platform/errors.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { loadConfig } from '../platform/config.js';
import { exchangeRoutes, feedAdminRoutes } from './exchange.routes.js';

/** The routes composed the way app.ts composes route modules, with its error mapping. */
function appFor(runtime: Runtime, staff: boolean): Hono {
  const app = new Hono();
  app.route('/api', exchangeRoutes(runtime, { seesUnconfirmed: () => staff }));
  app.route(
    '/api',
    feedAdminRoutes(runtime, () => 'user:admin'),
  );
  app.onError((error, c) => c.json(presentError(error), httpStatusOf(error) as 400));
  return app;
}

describeEachDatabase('exchange routes', (t) => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = {
      config: loadConfig({ db: 'sqlite::memory:', logLevel: 'silent' }, {}),
      db: t.db,
      log: createLogger('silent'),
      close: async () => undefined,
    };
    await seedExchangeIncidents(t.db);
  });

  it('streams a public export of confirmed incidents only, as an attachment', async () => {
    const res = await appFor(runtime, false).request('/api/export?format=geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="truce-incidents.geojson"');
    const doc = (await res.json()) as { features: { properties: { status: string } }[] };
    expect(doc.features.map((f) => f.properties.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
  });

  it('gives staff every live incident, with the incident filters applied', async () => {
    const res = await appFor(runtime, true).request(
      '/api/export?format=acled&kind=ceasefire_violation,protest&bom=1',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.trim().split('\r\n')).toHaveLength(3);
  });

  it('refuses an unknown format or a bad filter, naming the field', async () => {
    const res = await appFor(runtime, false).request('/api/export?format=xlsx');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid', details: { field: 'format' } } });
    const bad = await appFor(runtime, false).request('/api/export?format=json&from=2020-02-31');
    expect(bad.status).toBe(400);
  });

  it('registers a feed and shows its status to admins', async () => {
    const app = appFor(runtime, true);
    const added = await app.request('/api/feeds', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://example.org/wire.xml', every: '1h' }),
    });
    expect(added.status).toBe(201);
    const list = (await (await app.request('/api/feeds')).json()) as {
      feeds: { url: string; every: string }[];
    };
    expect(list.feeds).toEqual([
      expect.objectContaining({ url: 'https://example.org/wire.xml', every: '1h' }),
    ]);
    const bad = await app.request('/api/feeds', { method: 'POST', body: JSON.stringify({ url: 'ftp://x' }) });
    expect(bad.status).toBe(400);
  });
});
