import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Signer } from '../audit/keys.js';
import { databaseError } from '../platform/db/dialect.js';
import { httpStatusOf, presentError, TruceError } from '../platform/errors.js';
import type { Runtime } from '../platform/runtime.js';
import { agreementRoutes } from './agreement.routes.js';
import { auditRoutes } from './audit.routes.js';
import { authRoutes } from './auth.routes.js';
import { authenticate } from './auth/authenticate.js';
import { basemapRoutes, mountBasemap } from './basemap.routes.js';
import { sameOrigin } from './auth/same-origin.js';
import { duplicatesRoutes } from './duplicates.routes.js';
import { exchangeRoutes } from './exchange.routes.js';
import { healthRoutes } from './health.routes.js';
import { incidentRoutes } from './incidents.routes.js';
import { mapRoutes } from './map.routes.js';
import { notificationRoutes } from './notifications.routes.js';
import { openApiDocument } from './openapi.js';
import { reviewRoutes } from './review.routes.js';
import { searchRoutes } from './search.routes.js';
import { mount, noControlCharacters, type AppEnv, type RouteSpec } from './route.js';
import { submissionRoutes } from './submissions.routes.js';
import { theatreRoutes } from './theatre.routes.js';
import { vocabularyRoutes } from './vocabulary.routes.js';

export interface AppOptions {
  readonly clock?: () => Date;
  /** The center's checkpoint signer: bulletins are then made at a checkpoint signed for them. */
  readonly signer?: Signer | null;
}

/** Every API route, in one list: the app mounts it, OpenAPI describes it, the role matrix tests it. */
export function apiRoutes(runtime: Runtime, clock: () => Date, signer: Signer | null = null): RouteSpec[] {
  return [
    ...healthRoutes(runtime),
    ...authRoutes(runtime, clock),
    ...incidentRoutes(runtime),
    ...mapRoutes(runtime),
    ...basemapRoutes(runtime),
    ...searchRoutes(runtime),
    ...reviewRoutes(runtime),
    ...duplicatesRoutes(runtime),
    ...submissionRoutes(runtime, clock),
    ...agreementRoutes(runtime, clock, signer),
    ...exchangeRoutes(runtime, clock),
    ...vocabularyRoutes(),
    ...theatreRoutes(),
    ...auditRoutes(runtime, clock, signer),
    ...notificationRoutes(runtime),
  ];
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const MB = 1024 * 1024;

/** The HTTP application: security headers, limits, authentication, the routes, the web app. */
export function createApp(runtime: Runtime, options: AppOptions = {}): Hono<AppEnv> {
  const clock = options.clock ?? (() => new Date());
  const routes = apiRoutes(runtime, clock, options.signer ?? null);
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  // JSON and CSV answers are compressed when the client accepts it (the web app's assets are
  // precompressed at build time instead; see mountStatic).
  app.use('/api/*', compress());
  const tooLarge = (limit: number) => () => {
    throw new TruceError('invalid', `body: must be at most ${limit / MB} MB`, {
      field: 'body',
      rule: 'too large',
    });
  };
  // The two forms that carry photos (three of 5 MB at most, base64) get room for them.
  const withPhotos = new Set(['/api/public/reports', '/api/field-reports']);
  for (const path of withPhotos) app.use(path, bodyLimit({ maxSize: 24 * MB, onError: tooLarge(24 * MB) }));
  app.use('/api/*', async (c, next) =>
    withPhotos.has(c.req.path) ? next() : bodyLimit({ maxSize: MB, onError: tooLarge(MB) })(c, next),
  );
  app.use('/api/*', sameOrigin({ behindProxy: (runtime.config.trustProxy ?? []).length > 0 }));
  app.use('/api/*', noControlCharacters());
  app.use('/api/*', authenticate(runtime.db, clock));
  mount(app, routes);
  const document = openApiDocument(routes);
  app.get('/api/openapi.json', (c) => c.json(document));
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  mountBasemap(app, runtime.config.basemap);
  mountStatic(app);
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError((raw, c) => {
    const error = databaseError(raw);
    const status = httpStatusOf(error);
    if (status >= 500)
      runtime.log.error('request failed', {
        method: c.req.method,
        path: c.req.path,
        error: error instanceof Error ? error.message : String(error),
      });
    const retryAfter = error instanceof TruceError ? error.details.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json(presentError(error), status as 400);
  });
  return app;
}

/**
 * The web app, built by scripts/build-web.mjs into dist/web: everything under /app/ carries a
 * content hash in its name, so it is cached for a year and never revalidated; index.html is
 * revalidated on every load so a new build is picked up. Files are sent precompressed (.br or
 * .gz, chosen by Accept-Encoding). Nothing is loaded from the internet.
 */
function mountStatic(app: Hono<AppEnv>): void {
  const web = here('../web');
  if (!existsSync(web)) return;
  app.use(
    '/app/*',
    serveStatic({
      root: web,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // The service worker and the manifest keep their names (the browser looks them up by URL), so
  // they are revalidated on every load like index.html; the worker's scope is the whole app.
  for (const path of ['/sw.js', '/manifest.webmanifest', '/icons/*'])
    app.get(
      path,
      serveStatic({
        root: web,
        precompressed: true,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'no-cache');
        },
      }),
    );
  app.get(
    '*',
    serveStatic({
      root: web,
      precompressed: true,
      rewriteRequestPath: () => '/index.html',
      onFound: (_path, c) => {
        c.header('Cache-Control', 'no-cache');
      },
    }),
  );
}
