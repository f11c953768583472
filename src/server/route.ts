import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { Role } from '../record/taxonomy.js';
import type { User } from '../record/user-store.js';
import { TruceError } from '../platform/errors.js';
import { refuseControlCharacters } from '../platform/parse.js';
import type { TokenScope } from './auth/session-store.js';

/** What every request carries once authenticated: the user (or null for the public) and how. */
export interface AppEnv {
  Variables: {
    user: User | null;
    role: Role;
    csrfToken: string | null;
    via: 'session' | 'token' | null;
    /** The session row behind a cookie, so "sign out everywhere else" can keep it. */
    sessionId: number | null;
    /** A token's extra rights (empty for sessions, which hold every right of their role). */
    scopes: readonly TokenScope[];
  };
}

export type AppContext = Context<AppEnv>;
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One API route: who may call it, what it takes, and its handler. Deny by default: a route lists
 * the roles allowed (`'anyone'` includes the anonymous public); everything else is refused before
 * the handler runs. The role-matrix test walks every route of this list.
 */
export interface RouteSpec {
  readonly method: Method;
  readonly path: string;
  /** A stable name for clients' generated functions (`listIncidents`). */
  readonly operationId: string;
  readonly summary: string;
  readonly allow: 'anyone' | readonly Role[];
  /** The path parameters, one field per `:name` of the path. */
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Every success the route answers, by status; the error statuses are in `errors` and `errorStatuses`. */
  readonly responses: Readonly<Partial<Record<SuccessStatus, ResponseSpec>>>;
  /** Error statuses this route answers beyond those every route of its kind can (see `errorStatuses`). */
  readonly errors?: readonly ExtraErrorStatus[];
  readonly handler: (c: AppContext) => Promise<Response> | Response;
}

export type SuccessStatus = 200 | 201;
/** Error statuses a route declares itself: a missing thing, a stale version, a rate limit. */
export type ExtraErrorStatus = 401 | 403 | 404 | 409 | 429;

/** One success answer: its meaning and its body by media type (`application/json` for most). */
export interface ResponseSpec {
  readonly description: string;
  readonly content: Readonly<Record<string, z.ZodType>>;
}

/**
 * The body a route answers for a response schema, read-only at every depth so that a store's
 * read-only values fit it: `const answer: Answer<typeof IncidentDetail> = …; return c.json(answer)`
 * makes the compiler hold the answer to the schema the OpenAPI document gives. A loose object's
 * "and any other field" is dropped, so a store's interface (which has no index signature) fits.
 */
export type Answer<S extends z.ZodType> = ReadOnlyDeep<z.output<S>>;
type ReadOnlyDeep<T> = T extends readonly (infer E)[]
  ? readonly ReadOnlyDeep<E>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: ReadOnlyDeep<T[K]> }
    : T;

/** A JSON answer described by `schema`. */
export const json = (description: string, schema: z.ZodType): ResponseSpec => ({
  description,
  content: { 'application/json': schema },
});

/**
 * Every error status a route can answer: 400 for all (a control character in any query or path
 * is refused, and so is a malformed body), 401 and 403 where roles are listed, 403 for every
 * state-changing request (another origin is refused), 404 where the path names something, 503
 * when the database is down, and the route's own `errors`.
 */
export function errorStatuses(spec: Pick<RouteSpec, 'allow' | 'method' | 'path' | 'errors'>): number[] {
  const statuses = new Set<number>([400, 503, ...(spec.errors ?? [])]);
  if (spec.allow !== 'anyone') [401, 403].forEach((s) => statuses.add(s));
  if (spec.method !== 'GET') statuses.add(403);
  if (spec.path.includes(':')) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

export const STAFF: readonly Role[] = ['admin', 'analyst', 'monitor'];
export const REVIEWERS: readonly Role[] = ['admin', 'analyst'];
export const SIGNED_IN: readonly Role[] = ['admin', 'analyst', 'monitor', 'liaison'];

export function isAllowed(spec: Pick<RouteSpec, 'allow'>, role: Role): boolean {
  return spec.allow === 'anyone' || spec.allow.includes(role);
}

/** Why a role is turned away, in words: the operation by its summary, never its method and path. */
const refusal = (role: string, spec: RouteSpec): string => {
  const what = /^\p{Lu}\p{Ll}/u.test(spec.summary)
    ? spec.summary.charAt(0).toLowerCase() + spec.summary.slice(1)
    : spec.summary;
  return `${/^[aeiou]/.test(role) ? 'An' : 'A'} ${role} may not do this: ${what}`;
};

/** Registers routes on a Hono app behind the role check. */
export function mount(app: Hono<AppEnv>, specs: readonly RouteSpec[]): void {
  for (const spec of specs) {
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    app[method](spec.path, async (c) => {
      const role = c.get('role');
      if (!isAllowed(spec, role)) {
        throw c.get('user')
          ? new TruceError('forbidden', refusal(role, spec), { role, operation: spec.operationId })
          : new TruceError('unauthenticated', 'sign in first');
      }
      return spec.handler(c);
    });
  }
}

const notJsonObject = () =>
  new TruceError('invalid', 'body: must be a JSON object', { field: 'body', rule: 'must be a JSON object' });

/**
 * Reads a JSON body, refusing anything that is not sent as `application/json` (a cross-site form
 * can post `text/plain` without a preflight; JSON cannot), is not a JSON object, or holds a
 * control character in any string.
 */
export async function jsonBody(c: AppContext): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new TruceError('invalid', 'content-type: must be application/json', {
      field: 'content-type',
      rule: 'must be application/json',
    });
  }
  const body: unknown = await c.req.json().catch(() => {
    throw notJsonObject();
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw notJsonObject();
  refuseControlCharacters(body, 'body');
  return body as Record<string, unknown>;
}

/** Query parameters as the filter parsers expect them. */
export const queryReader = (c: AppContext) => (name: string) => c.req.queries(name);

/**
 * Refuses control characters in the query string and the path, with the parameter's name, so no
 * filter ever reaches the database with a NUL (bodies are checked by `jsonBody`).
 */
export function noControlCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const [name, values] of Object.entries(c.req.queries())) {
      refuseControlCharacters(name, 'query');
      refuseControlCharacters(values.join(' '), name);
    }
    refuseControlCharacters(safeDecode(c.req.path), 'path');
    return next();
  };
}

const safeDecode = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};
