import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; rule?: string } };
}

/**
 * What a person reads when the API refuses: the field by its label and the rule in words, no
 * schema library codes, no internal names (slugs, method and path), the record by its number.
 */
describeEachDatabase('messages a person can read', (t) => {
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  let incidentId = 0;
  beforeAll(async () => {
    const runtime: Runtime = testRuntime(t);
    app = createApp(runtime);
    for (const role of ['analyst', 'monitor'] as const) {
      const user = await addUser(t.db, { actor: 'test' }, { username: `words-${role}`, role });
      tokens[role] = await createApiToken(t.db, user.id, 'test', new Date());
    }
    incidentId = (await createIncident(t.db, { actor: 'test' }, buildIncident({ status: 'confirmed' }))).id;
  });

  const call = async (path: string, init: { as?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (init.as) headers.authorization = `Bearer ${tokens[init.as] ?? ''}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(path, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: (await response.json()) as ErrorBody };
  };
  const fieldReport = (point: { lat?: number; lon?: number }) =>
    call('/api/field-reports', {
      as: 'monitor',
      body: {
        kind: 'shelling',
        date: '2024-05-14',
        description: 'Shells landed near the school.',
        idempotencyKey: `words-${JSON.stringify(point)}`,
        ...point,
      },
    });

  it('says "Latitude must be between -90 and 90", not the schema library’s words', async () => {
    const { status, body } = await fieldReport({ lat: 100, lon: 10 });
    expect(status).toBe(400);
    expect(body.error.message).toBe('Latitude must be between -90 and 90');
    expect(body.error.details).toMatchObject({ field: 'lat', rule: 'must be between -90 and 90' });
  });

  it('refuses a latitude without a longitude (and the other way round) instead of dropping it', async () => {
    const lat = await fieldReport({ lat: 40.1 });
    expect(lat.status).toBe(400);
    expect(lat.body.error.message).toBe('Longitude is required when Latitude is given');
    expect(lat.body.error.details?.field).toBe('lon');
    const lon = await fieldReport({ lon: 46.7 });
    expect(lon.body.error.message).toBe('Latitude is required when Longitude is given');
    const incidents = await t.db.selectFrom('incidents').select('id').execute();
    expect(incidents).toHaveLength(1);
  });

  it('names a missing field and the words of a wrong type', async () => {
    const { body } = await call('/api/field-reports', {
      as: 'monitor',
      body: { kind: 'shelling', date: '2024-05-14', description: 'x', lat: 'north', lon: 1 },
    });
    expect(body.error.message).toBe('Latitude must be a number; Idempotency key is required');
    expect(body.error.message).not.toMatch(/expected|received|Invalid/);
  });

  it('refuses "From" later than "To" on the incident filters, in words', async () => {
    const { status, body } = await call('/api/incidents?from=2024-05-20&to=2024-05-10');
    expect(status).toBe(400);
    expect(body.error.message).toBe('From must not be later than To');
    expect(body.error.details?.field).toBe('from');
    expect((await call('/api/map?from=2024-05-20&to=2024-05-10')).status).toBe(400);
    expect((await call('/api/incidents?from=2024-05-10&to=2024-05-10')).status).toBe(200);
  });

  it('accepts from the public only the statuses the public record holds; staff filter by any', async () => {
    const refused = await call('/api/incidents?status=confirmed,candidate');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Status, item 2 must be confirmed or disputed: the public record holds no other status',
    );
    expect((await call('/api/incidents?status=confirmed,disputed')).status).toBe(200);
    expect((await call('/api/incidents?status=candidate', { as: 'analyst' })).status).toBe(200);
    const vocabulary = (await (await app.request('/api/vocabulary')).json()) as {
      publishedStatuses: string[];
    };
    expect(vocabulary.publishedStatuses).toEqual(['confirmed', 'disputed']);
  });

  it('names a record by its number and never repeats a slug', async () => {
    const mission = await call('/api/mission/status?mission=some-internal-mission-slug');
    expect(mission.status).toBe(404);
    expect(mission.body.error.message).toBe('No such mission is on record');
    const split = await call(`/api/incidents/${incidentId}/split`, {
      as: 'analyst',
      body: { reportId: 424242, reason: 'two events' },
    });
    expect(split.status).toBe(404);
    expect(split.body.error.message).toBe(`Report #424242 was not found on incident #${incidentId}`);
  });

  it('tells a role what it may not do without the method and path', async () => {
    const { status, body } = await call(`/api/incidents/${incidentId}/review`, {
      as: 'monitor',
      body: { status: 'disputed', reason: 'x' },
    });
    expect(status).toBe(403);
    expect(body.error.message).toMatch(/^A monitor may not do this: /);
    expect(body.error.message).not.toMatch(/\/api\/|POST/);
  });
});
