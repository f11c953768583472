import { beforeAll, expect, it } from 'vitest';
import { seedExchangeIncidents } from '../exchange/test-support/incidents.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { createApiToken } from './auth/session-store.js';
import { createApp } from './app.js';

describeEachDatabase('exchange routes', (t) => {
  let app: ReturnType<typeof createApp>;
  let admin = '';
  beforeAll(async () => {
    const runtime: Runtime = {
      config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
      db: t.db,
      log: createLogger('silent'),
      close: async () => undefined,
    };
    app = createApp(runtime);
    await seedExchangeIncidents(t.db);
    const user = await addUser(t.db, { actor: 'test' }, { username: 'exchange-admin', role: 'admin' });
    admin = await createApiToken(t.db, user.id, 'test', new Date());
  });
  const asAdmin = (init: RequestInit = {}) => ({
    ...init,
    headers: { ...(init.headers ?? {}), authorization: `Bearer ${admin}` },
  });

  it('streams a public export of confirmed incidents only, as an attachment', async () => {
    const res = await app.request('/api/export?format=geojson');
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
    const res = await app.request(
      '/api/export?format=acled&kind=ceasefire_violation,protest&bom=1',
      asAdmin(),
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.trim().split('\r\n')).toHaveLength(3);
  });

  it('refuses an unknown format or a bad filter, naming the field', async () => {
    const res = await app.request('/api/export?format=xlsx');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid', details: { field: 'format' } } });
    expect((await app.request('/api/export?format=json&from=2020-02-31')).status).toBe(400);
  });

  it('registers a feed and shows its status to admins only', async () => {
    const added = await app.request(
      '/api/feeds',
      asAdmin({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'https://example.org/wire.xml', every: '1h' }),
      }),
    );
    expect(added.status).toBe(201);
    const list = (await (await app.request('/api/feeds', asAdmin())).json()) as {
      items: { url: string; every: string }[];
    };
    expect(list.items).toEqual([
      expect.objectContaining({ url: 'https://example.org/wire.xml', every: '1h' }),
    ]);
    const bad = await app.request(
      '/api/feeds',
      asAdmin({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'ftp://x' }),
      }),
    );
    expect(bad.status).toBe(400);
    expect((await app.request('/api/feeds')).status).toBe(401);
  });
});
