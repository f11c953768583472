import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { createApp } from './app.js';
import { testRuntime } from '../platform/test-support/runtime.js';

describeEachDatabase('HTTP API', (t) => {
  const app = () => {
    const runtime: Runtime = testRuntime(t);
    return createApp(runtime);
  };

  it('answers /api/health with the database kind and the audit head', async () => {
    const response = await app().request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: t.name,
      audit: { entries: expect.any(Number) },
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('pages /api/incidents and filters by kind', async () => {
    for (let i = 0; i < 3; i += 1) {
      await createIncident(
        t.db,
        { actor: 'analyst:api' },
        buildIncident({ kind: 'protest', status: 'confirmed' }),
      );
    }
    await createIncident(
      t.db,
      { actor: 'analyst:api' },
      buildIncident({ kind: 'protest', status: 'candidate' }),
    );
    const response = await app().request('/api/incidents?kind=protest&limit=2&offset=1');
    const page = (await response.json()) as { total: number; items: { kind: string }[] };
    expect(response.status).toBe(200);
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.items).toHaveLength(2);
    expect(page.items.every((i) => i.kind === 'protest')).toBe(true);
  });

  it('shows the public only published incidents', async () => {
    const page = (await (await app().request('/api/incidents?limit=500')).json()) as {
      items: { status: string }[];
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.status === 'confirmed' || i.status === 'disputed')).toBe(true);
  });

  it('answers a bad filter with 400 naming the field and the rule', async () => {
    const response = await app().request('/api/incidents?bbox=1,2,3&limit=9999');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.message).toMatch(/Map area must /);
    expect(body.error.message).toMatch(/Limit must be a whole number from 1 to 500/);
  });

  it('answers an unknown incident with 404 and an unknown route with a JSON 404', async () => {
    expect((await app().request('/api/incidents/987654')).status).toBe(404);
    const response = await app().request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
