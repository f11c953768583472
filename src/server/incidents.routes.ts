import { Hono } from 'hono';
import type { Runtime } from '../platform/runtime.js';
import { getIncident, listIncidents } from '../record/incident-store.js';
import { parseIncidentFilters } from '../record/incident-filters.js';
import { invalid } from '../platform/errors.js';

export function incidentRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/incidents', async (c) => {
    const page = await listIncidents(
      runtime.db,
      parseIncidentFilters((name) => c.req.queries(name)),
    );
    return c.json(page);
  });
  app.get('/incidents/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1) throw invalid('id', 'must be a positive integer');
    return c.json(await getIncident(runtime.db, id));
  });
  return app;
}
