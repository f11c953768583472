import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';

const BAD_DATES = ['2020-2-3', '2020-12-01T00:00:00Z', '-1', ' 2020-01-01', '2020-02-30', '2020-13-01', ''];
const BAD_LIMITS = ['1.5', '-1', '0', '501', '1e2', ' 5', 'ten', ''];

/** Every list or page that takes a date, and the name of the parameter. */
const DATE_PARAMS: readonly (readonly [string, string])[] = [
  ['/api/incidents', 'from'],
  ['/api/incidents', 'to'],
  ['/api/map', 'from'],
  ['/api/timeline', 'to'],
  ['/api/review-queue', 'from'],
  ['/api/statements', 'from'],
  ['/api/statements', 'to'],
  ['/api/export?format=json&', 'from'],
  ['/api/agreements/status', 'asOf'],
  ['/api/mission/status', 'asOf'],
  ['/api/mission/activity', 'from'],
];

const LIMIT_LISTS = ['/api/incidents', '/api/statements', '/api/review-queue'];

interface ErrorBody {
  error: { code: string; details?: { field?: string } };
}

describeEachDatabase('input at the boundary: dates, paging, control characters', (t) => {
  const runtime = (): Runtime => ({
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  });
  let bearer = '';
  const app = () => createApp(runtime());
  const get = async (path: string) => {
    if (!bearer) {
      const user = await addUser(t.db, { actor: 'test' }, { username: 'boundary-admin', role: 'admin' });
      bearer = `Bearer ${await createApiToken(t.db, user.id, 'test', new Date())}`;
    }
    return app().request(path, { headers: { authorization: bearer } });
  };

  it('answers a malformed or impossible date with 400 naming the parameter, on every route that takes one', async () => {
    const failures: string[] = [];
    for (const [path, field] of DATE_PARAMS) {
      for (const value of BAD_DATES) {
        // asOf also takes an instant with its offset, so a date-time is valid there.
        if (field === 'asOf' && value.includes('T')) continue;
        const glue = path.endsWith('&') ? '' : '?';
        const response = await get(`${path}${glue}${field}=${encodeURIComponent(value)}`);
        const body = (await response.json()) as ErrorBody;
        if (response.status !== 400 || body.error.details?.field !== field)
          failures.push(
            `${path}?${field}=${JSON.stringify(value)}: ${response.status} ${JSON.stringify(body.error)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a bulletin for a malformed date with 400', async () => {
    for (const value of ['2020-2-3', '2020-02-30', '-1']) {
      const response = await get(`/api/bulletins/${encodeURIComponent(value)}`);
      expect(response.status, value).toBe(400);
    }
  });

  it('answers a limit or offset that is not a whole number in range with 400 naming it, never clamping', async () => {
    const failures: string[] = [];
    for (const path of LIMIT_LISTS) {
      for (const value of BAD_LIMITS) {
        const response = await get(`${path}?limit=${encodeURIComponent(value)}`);
        const body = (await response.json()) as ErrorBody;
        if (response.status !== 400 || body.error.details?.field !== 'limit')
          failures.push(`${path}?limit=${JSON.stringify(value)}: ${response.status}`);
      }
      const offset = await get(`${path}?offset=-3`);
      if (offset.status !== 400) failures.push(`${path}?offset=-3: ${offset.status}`);
    }
    expect(failures).toEqual([]);
    const page = (await (await get('/api/statements?limit=7&offset=2')).json()) as {
      limit: number;
      offset: number;
    };
    expect(page).toMatchObject({ limit: 7, offset: 2 });
  });

  it('refuses NUL and other control characters in a body with 400 naming the field, and keeps tabs and newlines', async () => {
    const post = (path: string, body: unknown) =>
      app().request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const report = { comment: 'Shots near the bridge', name: 'R', idempotencyKey: 'boundary-key-0001' };
    const cases: readonly (readonly [string, unknown, string])[] = [
      ['/api/auth/login', { username: 'ad\u0000min', password: 'whatever12' }, 'body.username'],
      ['/api/auth/login', { username: 'admin', password: 'pass\u0007word12' }, 'body.password'],
      ['/api/public/reports', { ...report, comment: 'Shots\u0000 near the bridge' }, 'body.comment'],
      ['/api/public/reports', { ...report, placeName: '\u001bVillage' }, 'body.placeName'],
      ['/api/public/reports', { ...report, extra: { deep: ['x\u000bx'] } }, 'body.extra.deep.0'],
    ];
    for (const [path, body, field] of cases) {
      const response = await post(path, body);
      const answer = (await response.json()) as ErrorBody;
      expect(response.status, field).toBe(400);
      expect(answer.error.details?.field, field).toBe(field);
    }
    const fine = await post('/api/public/reports', {
      ...report,
      comment: 'Shelling\tat night,\r\nthen quiet.\n',
    });
    expect(fine.status).toBeLessThan(300);
  });

  it('refuses NUL and control characters in query parameters and the path with 400 naming them', async () => {
    for (const [path, field] of [
      ['/api/incidents?place=Vill%00age', 'place'],
      ['/api/incidents?party=%01', 'party'],
      ['/api/statements?speaker=a%00b', 'speaker'],
      ['/api/export?format=csv&place=%00', 'place'],
      ['/api/incidents/1%00', 'path'],
    ] as const) {
      const response = await get(path);
      const answer = (await response.json()) as ErrorBody;
      expect(response.status, path).toBe(400);
      expect(answer.error.details?.field, path).toBe(field);
    }
  });
});
