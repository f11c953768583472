import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { apiRoutes, createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

/** Values that have broken parsers before: bad dates and numbers, controls, injections, sizes. */
const HOSTILE = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[2J',
  '%',
  '_',
  "' OR 1=1 --",
  '"; drop table incidents; --',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '2020-2-3',
  '2020-02-30',
  '2020-12-01T00:00:00Z',
  ' 2020-01-01',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '\ud800',
  'x'.repeat(5000),
  '-180,-90,180,90',
  '1,2,3',
  'true',
  'null',
  '[]',
  '{}',
];

const QUERY_NAMES = [
  'from',
  'to',
  'limit',
  'offset',
  'kind',
  'status',
  'bbox',
  'place',
  'party',
  'sort',
  'speaker',
  'format',
  'asOf',
  'mission',
  'agreement',
  'zoom',
  'bom',
  'date',
];
const BODY_NAMES = [
  'username',
  'password',
  'currentPassword',
  'newPassword',
  'comment',
  'name',
  'placeName',
  'date',
  'idempotencyKey',
  'kind',
  'description',
  'lat',
  'lon',
  'killed',
  'status',
  'reason',
  'version',
  'into',
  'reportIds',
  'text',
  'url',
  'every',
  'scopes',
  'photos',
  'role',
  'party',
  'day',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40, unit: 'binary' }));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);
const query = fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_NAMES), hostileString), hostileString, {
  maxKeys: 5,
});
const body = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...BODY_NAMES), hostileString), hostileValue, { maxKeys: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  undefined,
);

/** A path segment, percent-encoded (a lone surrogate, which cannot be, becomes U+FFFD as browsers send it). */
const encodeSegment = (value: string): string =>
  encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );

describeEachDatabase('fuzz: hostile queries and bodies on every route never answer 500', (t) => {
  it('answers every route of the route list, as the public and as an admin, with no 5xx', async () => {
    const runtime: Runtime = testRuntime(t);
    const app = createApp(runtime);
    const admin = await addUser(t.db, { actor: 'test' }, { username: 'fuzz-admin', role: 'admin' });
    const routes = apiRoutes(runtime, () => new Date());
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      // A fresh token per route: a fuzzed DELETE may revoke the one before.
      const token = await createApiToken(t.db, admin.id, 'fuzz', new Date(), { scopes: ['tokens'] });
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.array(hostileString, { minLength: 3, maxLength: 3 }),
          query,
          body,
          contentType,
          async (asAdmin, params, q, b, type) => {
            let n = 0;
            const path = route.path.replace(/:\w+/g, () => encodeSegment(params[n++] ?? 'x'));
            const search = new URLSearchParams(Object.entries(q)).toString();
            const headers: Record<string, string> = {};
            if (type) headers['content-type'] = type;
            if (asAdmin) headers.authorization = `Bearer ${token}`;
            const response = await app.request(`${path}${search ? `?${search}` : ''}`, {
              method: route.method,
              headers,
              ...(route.method === 'GET' ? {} : { body: typeof b === 'string' ? b : JSON.stringify(b) }),
            });
            await response.arrayBuffer();
            if (response.status >= 500)
              throw new Error(`${route.method} ${path}?${search} answered ${response.status}`);
          },
        ),
        { numRuns: 40 },
      );
    }
  }, 240_000);
});
