import type { Runtime } from '../platform/runtime.js';
import { VERSION } from '../platform/version.js';
import type { RouteSpec } from './route.js';

export function healthRoutes(runtime: Runtime): RouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/api/health',
      summary: 'Liveness, version, database kind and the audit head',
      allow: 'anyone',
      handler: async (c) => {
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
      },
    },
  ];
}
