import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { TruceError } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { setAccountPassword, signOutEverywhere } from './auth/account.js';
import { accountRoutes } from './auth/account.routes.js';
import { SESSION_COOKIE } from './auth/authenticate.js';
import { verifyPassword } from './auth/password.js';
import { createRateLimiter } from './auth/rate-limit.js';
import { createSession, endSession, SESSION_HOURS } from './auth/session-store.js';
import { clientAddress } from './client.js';
import { json, jsonBody, SIGNED_IN, type AppContext, type RouteSpec } from './route.js';
import { LoginOutcome, Me, SessionsEnded } from './schemas/accounts.js';
import { Ok } from './schemas/common.js';

const Login = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
});
const PasswordChange = z.object({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: z.string().max(200),
});

const actorOf = (c: AppContext) => `user:${c.get('user')?.username ?? 'unknown'}`;

/** Sign in and out, who am I, password change; API tokens and accounts (`auth/account.routes`). */
export function authRoutes(runtime: Runtime, clock: () => Date): RouteSpec[] {
  const attempts = createRateLimiter(runtime.db, {
    name: 'login',
    limit: 5,
    windowMs: 15 * 60_000,
    message: 'too many sign-in attempts',
    field: 'username',
  });
  const trusted = runtime.config.trustProxy ?? [];
  return [
    {
      method: 'POST',
      path: '/api/auth/login',
      operationId: 'login',
      summary: 'Sign in; sets an HttpOnly session cookie and returns the CSRF token',
      allow: 'anyone',
      body: Login,
      responses: { 200: json('Signed in: the user and the CSRF token; the cookie is set', LoginOutcome) },
      errors: [401, 429],
      handler: async (c) => {
        const input = parseInput(Login, await jsonBody(c), 'body');
        const key = `${clientAddress(c, trusted)}|${input.username.toLowerCase()}`;
        await attempts.take(key, clock());
        const row = await runtime.db
          .selectFrom('users')
          .selectAll()
          .where('username', '=', input.username)
          .where('disabled', '=', 0)
          .executeTakeFirst();
        const ok = await verifyPassword(input.password, row?.password_hash ?? null);
        if (!row || !ok) throw new TruceError('unauthenticated', 'username or password is wrong');
        await attempts.reset(key);
        const { secret, csrfToken } = await createSession(runtime.db, row.id, clock(), {
          actor: `user:${row.username}`,
        });
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
      operationId: 'logout',
      summary: 'Sign out',
      allow: 'anyone',
      responses: { 200: json('Signed out', Ok) },
      handler: async (c) => {
        const secret = getCookie(c, SESSION_COOKIE);
        const user = c.get('user');
        const context = user ? { actor: `user:${user.username}`, reason: 'signed out', clock } : undefined;
        if (secret) await endSession(runtime.db, secret, context);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.json({ ok: true });
      },
    },
    {
      method: 'POST',
      path: '/api/auth/logout-everywhere',
      operationId: 'logoutEverywhere',
      summary: 'Sign out of every session of this account (API tokens stay; revoke them one by one)',
      allow: SIGNED_IN,
      responses: { 200: json('Every session ended', SessionsEnded) },
      handler: async (c) => {
        const user = c.get('user');
        if (!user) throw new TruceError('unauthenticated', 'sign in first');
        const ended = await signOutEverywhere(runtime.db, { actor: actorOf(c), clock }, user.id);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.json({ ok: true, sessionsEnded: ended });
      },
    },
    {
      method: 'GET',
      path: '/api/auth/me',
      operationId: 'getMe',
      summary: 'The signed-in user (null for the public) and the CSRF token for state-changing requests',
      allow: 'anyone',
      responses: { 200: json('Who the caller is', Me) },
      handler: (c) => c.json({ user: c.get('user'), role: c.get('role'), csrfToken: c.get('csrfToken') }),
    },
    {
      method: 'POST',
      path: '/api/auth/password',
      operationId: 'changePassword',
      summary: "Change one's own password (the current one is required); ends the account's other sessions",
      allow: SIGNED_IN,
      body: PasswordChange,
      responses: { 200: json("Changed; the account's other sessions ended", SessionsEnded) },
      errors: [429],
      handler: async (c) => {
        const input = parseInput(PasswordChange, await jsonBody(c), 'body');
        const user = c.get('user');
        if (!user) throw new TruceError('unauthenticated', 'sign in first');
        await attempts.take(`${clientAddress(c, trusted)}|${user.username.toLowerCase()}`, clock());
        const row = await runtime.db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(input.currentPassword, row.password_hash)))
          throw new TruceError('forbidden', 'currentPassword: is wrong', { field: 'currentPassword' });
        const outcome = await setAccountPassword(
          runtime.db,
          { actor: actorOf(c), clock },
          { user, password: input.newPassword, keepSession: c.get('sessionId') },
        );
        return c.json({ ok: true, ...outcome });
      },
    },
    ...accountRoutes(runtime, clock),
  ];
}

/** Sets a user's password through the audited path (the policy applies; the chain keeps only its digest). */
export async function setPassword(
  runtime: Pick<Runtime, 'db'>,
  userId: number,
  password: string,
  actor: string,
): Promise<void> {
  const row = await runtime.db
    .selectFrom('users')
    .select('username')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await setAccountPassword(runtime.db, { actor }, { user: { id: userId, username: row.username }, password });
}
