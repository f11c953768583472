import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { setPassword } from './auth.routes.js';
import { createApp } from './app.js';

describeEachDatabase('sessions, CSRF and sign-in limits', (t) => {
  const runtime = (): Runtime => ({
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  });
  const json = { 'content-type': 'application/json' };

  it('signs in with an HttpOnly SameSite cookie and requires the CSRF token on changes', async () => {
    const user = await addUser(t.db, { actor: 'test' }, { username: 'csrf-analyst', role: 'analyst' });
    await setPassword(runtime(), user.id, 'a long enough password', 'test');
    const app = createApp(runtime());
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'csrf-analyst', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/truce_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const session = cookie.split(';')[0] ?? '';
    const me = (await (await app.request('/api/auth/me', { headers: { cookie: session } })).json()) as {
      user: { username: string };
    };
    expect(me.user.username).toBe('csrf-analyst');
    const without = await app.request('/api/auth/tokens', {
      method: 'POST',
      headers: { ...json, cookie: session },
      body: '{}',
    });
    expect(without.status).toBe(403);
    const withToken = await app.request('/api/auth/tokens', {
      method: 'POST',
      headers: { ...json, cookie: session, 'x-csrf-token': csrfToken },
      body: '{}',
    });
    expect(withToken.status).toBe(201);
  });

  it('refuses a wrong password without saying which part was wrong, and limits attempts with 429 and Retry-After', async () => {
    const user = await addUser(t.db, { actor: 'test' }, { username: 'limited', role: 'monitor' });
    await setPassword(runtime(), user.id, 'the right password', 'test');
    const app = createApp(runtime());
    const attempt = () =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'limited', password: 'wrong password' }),
      });
    const responses = [];
    for (let i = 0; i < 7; i += 1) responses.push(await attempt());
    const statuses = responses.map((r) => r.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const retryAfter = Number(responses[6]?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('keeps the password out of the audit chain', async () => {
    const entries = await t.db
      .selectFrom('audit_entries')
      .select(['after'])
      .where('entity_type', '=', 'users')
      .execute();
    const text = JSON.stringify(entries);
    expect(text).toContain('sha256:');
    expect(text).not.toContain('scrypt$');
  });
});
