import { Hono } from 'hono';
import type { Runtime } from '../platform/runtime.js';
import { VERSION } from '../platform/version.js';

export function healthRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    const head = await runtime.db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return c.json({
      status: 'ok',
      version: VERSION,
      database: runtime.config.database.kind,
      audit: { entries: Number(head?.seq ?? 0), head: head?.hash ?? null },
    });
  });
  return app;
}
