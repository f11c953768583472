import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../../platform/db/dialect.js';
import { TruceError } from '../../platform/errors.js';
import type { AppEnv } from '../route.js';
import { findSession, findTokenUser } from './session-store.js';

export const SESSION_COOKIE = 'truce_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller: a session cookie (browsers) or a bearer token (scripts); no credential
 * means the anonymous public. A browser's state-changing request must also echo its session's
 * CSRF token in `x-csrf-token` (the cookie is SameSite=Strict as well).
 */
export function authenticate(db: Db, clock: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('role', 'public');
    c.set('csrfToken', null);
    c.set('via', null);
    c.set('sessionId', null);
    c.set('scopes', []);
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) {
      const token = await findTokenUser(db, bearer);
      if (!token) throw new TruceError('unauthenticated', 'the API token is unknown or revoked');
      c.set('user', token.user);
      c.set('role', token.user.role);
      c.set('via', 'token');
      c.set('scopes', token.scopes);
      return next();
    }
    const secret = getCookie(c, SESSION_COOKIE);
    const session = secret ? await findSession(db, secret, clock()) : null;
    if (session) {
      if (UNSAFE.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrfToken) {
        throw new TruceError('forbidden', 'x-csrf-token: missing or does not match the session', {
          field: 'x-csrf-token',
        });
      }
      c.set('user', session.user);
      c.set('role', session.user.role);
      c.set('csrfToken', session.csrfToken);
      c.set('via', 'session');
      c.set('sessionId', session.id);
    }
    return next();
  };
}
