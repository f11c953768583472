import type { MiddlewareHandler } from 'hono';
import { forbidden } from '../../platform/errors.js';
import type { AppEnv } from '../route.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests a browser sent from another site: `Sec-Fetch-Site` must be
 * `same-origin` or `none` when present, and `Origin`, when present, must name this host (or the
 * host a trusted proxy forwarded). Scripts send neither header and are not affected; the login
 * form, which has no session to carry a CSRF token yet, is covered too.
 *
 * @example app.use('/api/*', sameOrigin({ behindProxy: false }))
 */
export function sameOrigin(options: { behindProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw forbidden(`sec-fetch-site: a ${site} request may not change anything`, {
        field: 'sec-fetch-site',
      });
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowedHosts(c, options).includes(hostOf(origin)))
      throw forbidden('origin: a request from another site may not change anything', { field: 'origin' });
    return next();
  };
}

function allowedHosts(c: Parameters<MiddlewareHandler<AppEnv>>[0], options: { behindProxy: boolean }) {
  const hosts = [new URL(c.req.url).host];
  const forwarded = options.behindProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  if (forwarded) hosts.push(forwarded);
  return hosts;
}

const hostOf = (origin: string): string => {
  try {
    return new URL(origin).host;
  } catch {
    return ''; // "null" and garbage match no host
  }
};
