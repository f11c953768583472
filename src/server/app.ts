import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Runtime } from '../platform/runtime.js';
import { httpStatusOf, presentError } from '../platform/errors.js';
import { healthRoutes } from './health.routes.js';
import { incidentRoutes } from './incidents.routes.js';

/** The HTTP application: one route module per capability, errors mapped in one place. */
export function createApp(runtime: Runtime): Hono {
  const app = new Hono();
  app.use('*', secureHeaders());
  app.use('/api/*', bodyLimit({ maxSize: 1024 * 1024 }));
  app.route('/api', healthRoutes(runtime));
  app.route('/api', incidentRoutes(runtime));
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError((error, c) => {
    const status = httpStatusOf(error);
    if (status >= 500) runtime.log.error('request failed', { path: c.req.path, error: String(error) });
    return c.json(presentError(error), status as 400);
  });
  return app;
}
