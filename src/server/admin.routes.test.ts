import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { bytes, startByteServer, type ByteServer } from '../exchange/feeds/test-support/byte-server.js';
import { dueFeeds } from '../exchange/feeds/feed-store.js';
import { ALLOW_HOSTS_SETTING } from '../platform/address-policy.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

const json = { 'content-type': 'application/json' };
const NOW = new Date('2021-03-01T09:00:00.000Z');

describeEachDatabase('administration: roles, tokens, feeds, ingesting a URL', (t) => {
  let app: ReturnType<typeof createApp>;
  let server: ByteServer;
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    const runtime: Runtime = testRuntime(t);
    app = createApp(runtime, { clock: () => NOW });
    for (const [username, role] of [
      ['chief', 'admin'],
      ['deputy', 'admin'],
      ['ana', 'analyst'],
    ] as const) {
      const user = await addUser(t.db, { actor: 'test' }, { username, role });
      bearer[username] = await createApiToken(t.db, user.id, 'test', NOW, { scopes: ['tokens'] });
    }
    server = await startByteServer();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server.close();
  });

  const send = (as: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...json, authorization: `Bearer ${bearer[as]}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string; details: { field?: string } } })
      .error;

  it("changes a user's role through the audit chain, and the next request has the new role", async () => {
    expect((await send('ana', 'GET', '/api/users')).status).toBe(403);
    const changed = await send('chief', 'POST', '/api/users/ana/role', { role: 'admin' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      username: 'ana',
      role: 'admin',
      party: null,
      disabled: false,
    });
    expect((await send('ana', 'GET', '/api/users')).status).toBe(200);
    const back = await send('chief', 'POST', '/api/users/ana/role', { role: 'analyst' });
    expect(back.status).toBe(200);
    expect((await send('ana', 'GET', '/api/users')).status).toBe(403);
    const entries = await t.db
      .selectFrom('audit_entries')
      .select(['action', 'actor', 'reason'])
      .where('entity_type', '=', 'users')
      .where('action', '=', 'role')
      .orderBy('seq')
      .execute();
    expect(entries).toEqual([
      { action: 'role', actor: 'user:chief', reason: 'role: analyst -> admin' },
      { action: 'role', actor: 'user:chief', reason: 'role: admin -> analyst' },
    ]);
    expect((await verifyAudit(t.db)).problems).toEqual([]);
  });

  it('binds a liaison to a party and refuses a party for any other role, naming the field', async () => {
    const noParty = await send('chief', 'POST', '/api/users/ana/role', { role: 'liaison' });
    expect(noParty.status).toBe(400);
    expect(await errorOf(noParty)).toMatchObject({ code: 'invalid', details: { field: 'party' } });
    const stray = await send('chief', 'POST', '/api/users/ana/role', { role: 'monitor', party: 'AM' });
    expect(stray.status).toBe(400);
    expect((await errorOf(stray)).message).toContain('only a liaison is bound to a party');
    const unknown = await send('chief', 'POST', '/api/users/ana/role', { role: 'public' });
    expect(unknown.status).toBe(400);
    const liaison = await send('chief', 'POST', '/api/users/ana/role', { role: 'liaison', party: 'am' });
    expect(await liaison.json()).toMatchObject({ role: 'liaison', party: 'AM' });
    const analyst = await send('chief', 'POST', '/api/users/ana/role', { role: 'analyst' });
    expect(await analyst.json()).toMatchObject({ role: 'analyst', party: null });
    expect((await send('chief', 'POST', '/api/users/nobody/role', { role: 'analyst' })).status).toBe(404);
  });

  it('never demotes or disables the last enabled admin, and says why', async () => {
    expect((await send('chief', 'POST', '/api/users/deputy/role', { role: 'monitor' })).status).toBe(200);
    const self = await send('chief', 'POST', '/api/users/chief/role', { role: 'analyst' });
    expect(self.status).toBe(409);
    expect((await errorOf(self)).message).toBe(
      'chief is the last enabled admin and cannot be demoted: make another account admin first',
    );
    const disabled = await send('chief', 'POST', '/api/users/chief/disable');
    expect(disabled.status).toBe(409);
    expect((await errorOf(disabled)).message).toContain('cannot be disabled');
    // With a second admin again, the first may step down.
    expect((await send('chief', 'POST', '/api/users/deputy/role', { role: 'admin' })).status).toBe(200);
    expect((await send('chief', 'POST', '/api/users/chief/role', { role: 'analyst' })).status).toBe(200);
    expect((await send('deputy', 'POST', '/api/users/chief/role', { role: 'admin' })).status).toBe(200);
    const roles = await t.db.selectFrom('users').select(['username', 'role']).orderBy('id').execute();
    expect(roles).toEqual([
      { username: 'chief', role: 'admin' },
      { username: 'deputy', role: 'admin' },
      { username: 'ana', role: 'analyst' },
    ]);
  });

  it('mints a token with scopes shown once, and refuses it on the next request once revoked', async () => {
    const minted = await send('ana', 'POST', '/api/auth/tokens', { name: 'nightly', scopes: ['tokens'] });
    expect(minted.status).toBe(201);
    const { token, scopes } = (await minted.json()) as { token: string; scopes: string[] };
    expect(scopes).toEqual(['tokens']);
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.request('/api/notifications', { headers })).status).toBe(200);
    const list = (await (await send('ana', 'GET', '/api/auth/tokens')).json()) as {
      items: { id: number; name: string; scopes: string[]; revokedAt: string | null }[];
    };
    const nightly = list.items.find((i) => i.name === 'nightly');
    expect(nightly).toMatchObject({ scopes: ['tokens'], revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(token);
    // An admin may revoke another user's token; the very next request with it is refused.
    expect((await send('chief', 'DELETE', `/api/auth/tokens/${nightly?.id}`)).status).toBe(200);
    const refused = await app.request('/api/notifications', { headers });
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).message).toBe('the API token is unknown or revoked');
  });

  it('pauses a feed (not due while paused) and resumes it (due at once), audited', async () => {
    const added = await send('chief', 'POST', '/api/feeds', {
      url: 'https://wire.example.org/rss',
      every: '1h',
    });
    const feed = (await added.json()) as { id: number };
    const paused = await send('chief', 'POST', `/api/feeds/${feed.id}/pause`);
    expect(await paused.json()).toMatchObject({ id: feed.id, enabled: false });
    expect((await dueFeeds(t.db, new Date('2030-01-01'))).map((f) => f.id)).not.toContain(feed.id);
    expect((await send('chief', 'POST', `/api/feeds/${feed.id}/pause`)).status).toBe(200);
    const resumed = await send('chief', 'POST', `/api/feeds/${feed.id}/resume`);
    expect(await resumed.json()).toMatchObject({ enabled: true, nextPollAt: NOW.toISOString() });
    expect((await dueFeeds(t.db, NOW)).map((f) => f.id)).toContain(feed.id);
    const status = await send('chief', 'GET', `/api/feeds/${feed.id}`);
    expect(await status.json()).toMatchObject({ url: 'https://wire.example.org/rss', failures: [] });
    expect((await send('ana', 'POST', `/api/feeds/${feed.id}/pause`)).status).toBe(403);
    expect((await send('chief', 'POST', '/api/feeds/987654/pause')).status).toBe(404);
    const actions = await t.db
      .selectFrom('audit_entries')
      .select(['action', 'actor'])
      .where('entity_type', '=', 'feeds')
      .orderBy('seq')
      .execute();
    expect(actions).toEqual([
      { action: 'create', actor: 'user:chief' },
      { action: 'pause', actor: 'user:chief' },
      { action: 'resume', actor: 'user:chief' },
    ]);
    expect((await verifyAudit(t.db)).problems).toEqual([]);
  });

  it('ingests a URL now through the audited path, and refuses a local address or a non-http URL', async () => {
    server.routes.set(
      '/report.html',
      bytes(
        '<html><head><title>Checkpoint reopened</title></head><body><p>The northern checkpoint reopened on 27 February 2021, residents said.</p></body></html>',
        'text/html; charset=utf-8',
      ),
    );
    const url = `${server.base}/report.html`;
    const refused = await send('chief', 'POST', '/api/ingest', { url });
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('a loopback address') as string,
      details: { field: 'url' },
    });
    for (const bad of ['file:///etc/passwd', '/etc/passwd', 'http://', 'not a url']) {
      const answer = await send('chief', 'POST', '/api/ingest', { url: bad });
      expect(answer.status).toBe(400);
      expect((await errorOf(answer)).details.field).toBe('url');
    }
    vi.stubEnv(ALLOW_HOSTS_SETTING, '127.0.0.1');
    const ingested = await send('chief', 'POST', '/api/ingest', { url });
    expect(ingested.status).toBe(200);
    expect(await ingested.json()).toMatchObject({ status: 'new', label: url });
    const again = await send('chief', 'POST', '/api/ingest', { url });
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const source = await t.db
      .selectFrom('audit_entries')
      .select('actor')
      .where('entity_type', '=', 'sources')
      .executeTakeFirstOrThrow();
    expect(source.actor).toBe('user:chief');
    expect((await send('ana', 'POST', '/api/ingest', { url })).status).toBe(403);
    expect((await verifyAudit(t.db)).problems).toEqual([]);
  });
});
