import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { ROLES, type Role } from '../record/taxonomy.js';
import { addUser } from '../record/user-store.js';
import { createApiToken } from './auth/session-store.js';
import { apiRoutes, createApp } from './app.js';
import { errorStatuses, isAllowed } from './route.js';
import { testRuntime } from '../platform/test-support/runtime.js';

/**
 * Deny by default, as a table: every route of the API, called by every role. A role the route
 * does not list must get 401 (anonymous) or 403 (signed in) before any handler runs; a role it
 * lists must get past the check (the answer may still be 400 or 404 for the empty request), and
 * every answer's status must be one the OpenAPI document lists for the route.
 */
describeEachDatabase('role matrix', (t) => {
  it('answers every route for every role exactly as the route allows', async () => {
    const runtime: Runtime = testRuntime(t);
    const clock = () => new Date();
    const app = createApp(runtime, { clock });
    const tokens: Partial<Record<Role, string>> = {};
    for (const role of ROLES.filter((r) => r !== 'public')) {
      const user = await addUser(
        t.db,
        { actor: 'test' },
        { username: `matrix-${role}`, role, party: role === 'liaison' ? 'AM' : null },
      );
      tokens[role] = await createApiToken(t.db, user.id, 'matrix', clock(), { scopes: ['tokens'] });
    }
    const routes = apiRoutes(runtime, clock);
    const failures: string[] = [];
    for (const route of routes) {
      for (const role of ROLES) {
        const path = route.path.replace(/:\w+/g, '987654');
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        const token = tokens[role];
        if (token) headers.authorization = `Bearer ${token}`;
        const response = await app.request(path, {
          method: route.method,
          headers,
          ...(route.method === 'GET' ? {} : { body: '{}' }),
        });
        const documented = [...errorStatuses(route), ...Object.keys(route.responses).map(Number)];
        if (!documented.includes(response.status))
          failures.push(
            `${route.method} ${route.path} as ${role}: ${response.status} is not in its OpenAPI statuses`,
          );
        const denied = response.status === 401 || response.status === 403;
        const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
        const deniedByRole =
          denied && body.error?.code !== undefined && /forbidden|unauthenticated/.test(body.error.code);
        const expectedDenied = !isAllowed(route, role);
        if (expectedDenied && !(role === 'public' ? response.status === 401 : response.status === 403)) {
          failures.push(
            `${route.method} ${route.path} as ${role}: expected ${role === 'public' ? 401 : 403}, got ${response.status}`,
          );
        }
        if (!expectedDenied && deniedByRole && !route.path.includes('login')) {
          failures.push(`${route.method} ${route.path} as ${role}: allowed but got ${response.status}`);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(15);
    expect(failures).toEqual([]);
  });
});
