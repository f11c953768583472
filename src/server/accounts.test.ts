import { expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { setPassword } from './auth.routes.js';
import { createApiToken } from './auth/session-store.js';

const PASSWORD = 'lantern orchard seventeen';
const json = { 'content-type': 'application/json' };

describeEachDatabase('accounts: revocation, disabling, passwords, scopes, CSRF on sign-in', (t) => {
  const runtime = (): Runtime => ({
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  });
  const app = () => createApp(runtime());

  async function account(username: string, role: 'admin' | 'analyst' = 'analyst') {
    const user = await addUser(t.db, { actor: 'test' }, { username, role });
    await setPassword(runtime(), user.id, PASSWORD, 'test');
    return user;
  }

  async function signIn(username: string, password = PASSWORD) {
    const response = await app().request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { csrfToken: string };
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { status: response.status, cookie, csrf: body.csrfToken };
  }

  const asSession = (s: { cookie: string; csrf: string }) => ({
    ...json,
    cookie: s.cookie,
    'x-csrf-token': s.csrf,
  });
  const me = async (headers: Record<string, string>) =>
    (
      (await (await app().request('/api/auth/me', { headers })).json()) as {
        user: { username: string } | null;
      }
    ).user;

  it('revokes a token: the owner lists it, revokes it, and it no longer signs anything in', async () => {
    const user = await account('revoker');
    const token = await createApiToken(t.db, user.id, 'nightly', new Date());
    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(bearer))?.username).toBe('revoker');
    const list = (await (await app().request('/api/auth/tokens', { headers: bearer })).json()) as {
      items: { id: number; name: string }[];
    };
    expect(list.items.map((i) => i.name)).toEqual(['nightly']);
    const revoked = await app().request(`/api/auth/tokens/${list.items[0]?.id}`, {
      method: 'DELETE',
      headers: bearer,
    });
    expect(revoked.status).toBe(200);
    expect((await app().request('/api/auth/me', { headers: bearer })).status).toBe(401);
  });

  it("refuses to revoke another user's token, answering 404 as for an unknown one", async () => {
    const owner = await account('token-owner');
    const other = await account('token-thief');
    await createApiToken(t.db, owner.id, 'mine', new Date());
    const theirs = await t.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', owner.id)
      .executeTakeFirstOrThrow();
    const thief = await createApiToken(t.db, other.id, 'thief', new Date());
    const response = await app().request(`/api/auth/tokens/${theirs.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${thief}` },
    });
    expect(response.status).toBe(404);
  });

  it('disabling a user ends their sessions and tokens at once, through the audit chain', async () => {
    const admin = await account('disabler', 'admin');
    await account('leaver');
    const adminToken = await createApiToken(t.db, admin.id, 'admin', new Date());
    const session = await signIn('leaver');
    const leaver = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'leaver')
      .executeTakeFirstOrThrow();
    const token = await createApiToken(t.db, leaver.id, 'script', new Date());
    expect((await me({ cookie: session.cookie }))?.username).toBe('leaver');
    const disabled = await app().request('/api/users/leaver/disable', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(await disabled.json()).toMatchObject({ ok: true, sessionsEnded: 1, tokensRevoked: 1 });
    expect(await me({ cookie: session.cookie })).toBeNull();
    expect(
      (await app().request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
    expect((await signIn('leaver')).status).toBe(401);
    const actions = await t.db
      .selectFrom('audit_entries')
      .select(['entity_type', 'action', 'actor'])
      .where('actor', '=', 'user:disabler')
      .execute();
    expect(actions.map((a) => `${a.entity_type}:${a.action}`)).toEqual([
      'users:disable',
      'sessions:delete',
      'api_tokens:revoke',
    ]);
    expect((await verifyAudit(t.db)).problems).toEqual([]);
  });

  it('changes a password with the current one, ending the other sessions and keeping this one', async () => {
    await account('changer');
    const here = await signIn('changer');
    const there = await signIn('changer');
    const wrong = await app().request('/api/auth/password', {
      method: 'POST',
      headers: asSession(here),
      body: JSON.stringify({ currentPassword: 'not the password', newPassword: 'a brand new phrase' }),
    });
    expect(wrong.status).toBe(403);
    const changed = await app().request('/api/auth/password', {
      method: 'POST',
      headers: asSession(here),
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'a brand new phrase' }),
    });
    expect(await changed.json()).toMatchObject({ ok: true, sessionsEnded: 1 });
    expect((await me({ cookie: here.cookie }))?.username).toBe('changer');
    expect(await me({ cookie: there.cookie })).toBeNull();
    expect((await signIn('changer')).status).toBe(401);
    expect((await signIn('changer', 'a brand new phrase')).status).toBe(200);
  });

  it('signs out everywhere: every session of the account ends', async () => {
    await account('everywhere');
    const one = await signIn('everywhere');
    const two = await signIn('everywhere');
    const out = await app().request('/api/auth/logout-everywhere', {
      method: 'POST',
      headers: asSession(one),
    });
    expect(await out.json()).toMatchObject({ ok: true, sessionsEnded: 2 });
    expect(await me({ cookie: one.cookie })).toBeNull();
    expect(await me({ cookie: two.cookie })).toBeNull();
  });

  it('lets a token mint tokens only when it holds the tokens scope, and never a scope it lacks', async () => {
    const user = await account('minter');
    const plain = await createApiToken(t.db, user.id, 'plain', new Date());
    const minting = await createApiToken(t.db, user.id, 'minting', new Date(), { scopes: ['tokens'] });
    const mint = (token: string, scopes: string[]) =>
      app().request('/api/auth/tokens', {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'child', scopes }),
      });
    expect((await mint(plain, [])).status).toBe(403);
    const child = await mint(minting, []);
    expect(child.status).toBe(201);
    const { token: childToken } = (await child.json()) as { token: string };
    expect((await mint(childToken, [])).status).toBe(403);
    const session = await signIn('minter');
    const fromSession = await app().request('/api/auth/tokens', {
      method: 'POST',
      headers: asSession(session),
      body: JSON.stringify({ scopes: ['tokens'] }),
    });
    expect(fromSession.status).toBe(201);
  });

  it('refuses common passwords, short patterns repeated and passwords built on the user name', async () => {
    const admin = await account('policy-admin', 'admin');
    const token = await createApiToken(t.db, admin.id, 'admin', new Date());
    const create = (username: string, password: string) =>
      app().request('/api/users', {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${token}` },
        body: JSON.stringify({ username, role: 'analyst', password }),
      });
    for (const [username, password] of [
      ['weak1', 'aaaaaaaaaa'],
      ['weak2', '1234567890'],
      ['weak3', 'qwertyuiop'],
      ['weak4', 'iloveyou12'],
      ['rosalind', 'rosalind2024!'],
    ] as const) {
      const response = await create(username, password);
      expect(response.status, password).toBe(400);
      expect(((await response.json()) as { error: { details: { field: string } } }).error.details.field).toBe(
        'password',
      );
    }
    expect((await create('strong', 'copper kettle at dawn')).status).toBe(201);
  });

  it('refuses a sign-in posted as text/plain or form data, as a cross-site form would', async () => {
    await account('csrf-target');
    const body = JSON.stringify({ username: 'csrf-target', password: PASSWORD });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await app().request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(response.status, type).toBe(400);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const none = await app().request('/api/auth/login', { method: 'POST', body });
    expect(none.status).toBe(400);
  });

  it('refuses state-changing requests from another site by Origin or Sec-Fetch-Site, and serves the same site', async () => {
    await account('origin-target');
    const body = JSON.stringify({ username: 'origin-target', password: PASSWORD });
    const login = (headers: Record<string, string>) =>
      app().request('http://truce.example/api/auth/login', {
        method: 'POST',
        headers: { ...json, ...headers },
        body,
      });
    expect((await login({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await login({ origin: 'null' })).status).toBe(403);
    expect((await login({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await login({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await login({ origin: 'http://truce.example', 'sec-fetch-site': 'same-origin' })).status).toBe(
      200,
    );
    expect((await login({})).status).toBe(200);
    const read = await app().request('http://truce.example/api/auth/me', {
      headers: { origin: 'https://evil.example' },
    });
    expect(read.status).toBe(200);
  });
});
