import type { Runtime } from '../platform/runtime.js';
import { VERSION } from '../platform/version.js';
import { json, type RouteSpec } from './route.js';
import { Health } from './schemas/accounts.js';

export function healthRoutes(runtime: Runtime): RouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/api/health',
      operationId: 'getHealth',
      summary: 'Liveness, version, database kind and the audit head',
      allow: 'anyone',
      responses: { 200: json('The server is up', Health) },
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
