import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { audited } from '../audit/audit-store.js';
import { TruceError, invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { SESSION_COOKIE } from './auth/authenticate.js';
import { hashPassword, passwordProblem, verifyPassword } from './auth/password.js';
import { createRateLimiter } from './auth/rate-limit.js';
import { createApiToken, createSession, endSession, SESSION_HOURS } from './auth/session-store.js';
import { clientAddress } from './client.js';
import { jsonBody, SIGNED_IN, type RouteSpec } from './route.js';

const Login = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
});
const NewUser = z.object({
  username: z.string(),
  role: z.enum(['admin', 'analyst', 'monitor', 'liaison']),
  party: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  password: z.string(),
});

/** Sign in and out, who am I, API tokens, and accounts (admins). */
export function authRoutes(runtime: Runtime, clock: () => Date): RouteSpec[] {
  const attempts = createRateLimiter({ limit: 5, windowMs: 15 * 60_000 });
  return [
    {
      method: 'POST',
      path: '/api/auth/login',
      summary: 'Sign in; sets an HttpOnly session cookie and returns the CSRF token',
      allow: 'anyone',
      body: Login,
      handler: async (c) => {
        const input = parseInput(Login, await jsonBody(c), 'body');
        const key = `${clientAddress(c)}|${input.username.toLowerCase()}`;
        if (!attempts.take(key, clock().getTime())) {
          throw new TruceError('forbidden', 'too many sign-in attempts; wait 15 minutes', {
            field: 'username',
            rule: 'rate_limited',
          });
        }
        const row = await runtime.db
          .selectFrom('users')
          .selectAll()
          .where('username', '=', input.username)
          .where('disabled', '=', 0)
          .executeTakeFirst();
        const ok = await verifyPassword(input.password, row?.password_hash ?? null);
        if (!row || !ok) throw new TruceError('unauthenticated', 'username or password is wrong');
        attempts.reset(key);
        const { secret, csrfToken } = await createSession(runtime.db, row.id, clock());
        setCookie(c, SESSION_COOKIE, secret, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          maxAge: SESSION_HOURS * 3600,
          secure: c.req.url.startsWith('https:'),
        });
        return c.json({
          user: { id: row.id, username: row.username, role: row.role, party: row.party },
          csrfToken,
        });
      },
    },
    {
      method: 'POST',
      path: '/api/auth/logout',
      summary: 'Sign out',
      allow: 'anyone',
      handler: async (c) => {
        const secret = getCookie(c, SESSION_COOKIE);
        if (secret) await endSession(runtime.db, secret);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.json({ ok: true });
      },
    },
    {
      method: 'GET',
      path: '/api/auth/me',
      summary: 'The signed-in user (null for the public) and the CSRF token for state-changing requests',
      allow: 'anyone',
      handler: (c) => c.json({ user: c.get('user'), role: c.get('role'), csrfToken: c.get('csrfToken') }),
    },
    {
      method: 'POST',
      path: '/api/auth/tokens',
      summary: 'Create an API token for scripts (shown once)',
      allow: SIGNED_IN,
      handler: async (c) => {
        const body = await jsonBody(c);
        const name =
          typeof body.name === 'string' && body.name.trim() ? body.name.trim().slice(0, 100) : 'script';
        const user = c.get('user');
        if (!user) throw new TruceError('unauthenticated', 'sign in first');
        return c.json({ token: await createApiToken(runtime.db, user.id, name, clock()), name }, 201);
      },
    },
    {
      method: 'GET',
      path: '/api/users',
      summary: 'Accounts (admins)',
      allow: ['admin'],
      handler: async (c) => {
        const rows = await runtime.db
          .selectFrom('users')
          .select(['id', 'username', 'display_name', 'role', 'party', 'disabled', 'created_at'])
          .orderBy('id')
          .execute();
        return c.json({ items: rows, total: rows.length, limit: rows.length, offset: 0 });
      },
    },
    {
      method: 'POST',
      path: '/api/users',
      summary: 'Create an account (admins)',
      allow: ['admin'],
      body: NewUser,
      handler: async (c) => {
        const input = parseInput(NewUser, await jsonBody(c), 'body');
        const problem = passwordProblem(input.password);
        if (problem) throw invalid('password', problem);
        const actor = `user:${c.get('user')?.username ?? 'admin'}`;
        const user = await addUser(
          runtime.db,
          { actor, reason: 'account created' },
          { ...input, password: undefined },
        );
        await setPassword(runtime, user.id, input.password, actor);
        return c.json(user, 201);
      },
    },
  ];
}

/** Sets a user's password through the audited path (the chain keeps only its digest). */
export async function setPassword(
  runtime: Pick<Runtime, 'db'>,
  userId: number,
  password: string,
  actor: string,
): Promise<void> {
  const hash = await hashPassword(password);
  await audited(runtime.db, { actor, reason: 'password set' }, (w) =>
    w.update('users', userId, { password_hash: hash }, { action: 'password' }),
  );
}
