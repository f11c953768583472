import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';

const report = (n: number) => ({ kind: 'event' as const, eventKind: 'shelling' as const, payload: { n } });

describeEachDatabase('review actions over HTTP', (t) => {
  const runtime = (): Runtime => ({
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  });
  let bearer = '';
  const call = async (path: string, body?: unknown, as: 'analyst' | 'public' = 'analyst') => {
    if (!bearer) {
      const user = await addUser(t.db, { actor: 'test' }, { username: 'routes-analyst', role: 'analyst' });
      bearer = `Bearer ${await createApiToken(t.db, user.id, 'test', new Date())}`;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as === 'analyst') headers.authorization = bearer;
    const init = body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) };
    const response = await createApp(runtime()).request(path, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('offers on the incident page only the actions its state allows, and undoes a merge to the old status', async () => {
    const a = await createIncident(t.db, { actor: 'test' }, buildIncident({ status: 'confirmed' }), [
      report(1),
    ]);
    const b = await createIncident(t.db, { actor: 'test' }, buildIncident({ status: 'confirmed' }), [
      report(2),
    ]);
    expect((await call(`/api/incidents/${a.id}`)).body).toMatchObject({
      actions: ['review', 'merge'],
      mergedFrom: [],
    });
    expect((await call(`/api/incidents/${a.id}/merge`, { into: b.id, reason: 'same strike' })).status).toBe(
      200,
    );
    expect((await call(`/api/incidents/${a.id}`)).body).toMatchObject({ actions: ['unmerge'] });
    expect((await call(`/api/incidents/${b.id}`)).body).toMatchObject({
      actions: ['review', 'merge', 'unmerge', 'split'],
      mergedFrom: [a.id],
    });
    expect((await call(`/api/incidents/${b.id}`, undefined, 'public')).body).toMatchObject({
      actions: [],
      mergedFrom: [],
    });
    expect((await call(`/api/incidents/${a.id}/unmerge`, { reason: 'two strikes' })).status).toBe(200);
    const back = (await call(`/api/incidents/${a.id}`)).body as { incident: { status: string } };
    expect(back.incident.status).toBe('confirmed');
  });

  it('rejects many at once and pages the queue by cursor', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await createIncident(t.db, { actor: 'test' }, buildIncident({ kind: 'riot' }))).id);
    const bulk = await call('/api/review/bulk', {
      action: 'reject',
      reason: 'not the ceasefire',
      items: [{ id: ids[0], baseVersion: 1 }, { id: ids[1], baseVersion: 9 }, { id: ids[2] }],
    });
    expect(bulk.body).toMatchObject({ done: 2, failed: 1 });
    const first = await call('/api/review-queue?kind=riot&limit=1');
    expect(first.body).toMatchObject({ total: 3, sort: 'arrival', order: 'asc' });
    const cursor = String(first.body.nextCursor);
    const second = await call(`/api/review-queue?kind=riot&limit=1&cursor=${encodeURIComponent(cursor)}`);
    const idOf = (page: Record<string, unknown>) =>
      (page.items as { incident: { id: number } }[])[0]?.incident.id;
    expect([idOf(first.body), idOf(second.body)]).toEqual([ids[1], ids[3]]);
    expect((await call('/api/review-queue?offset=10')).body).toMatchObject({
      error: { details: { field: 'offset' } },
    });
  });
});
