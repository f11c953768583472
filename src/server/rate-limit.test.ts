import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { parseTrustProxy } from '../platform/config.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { createApp } from './app.js';

describeEachDatabase('rate limits: 429, shared by every API process, client address behind a proxy', (t) => {
  const runtime = (trustProxy: readonly string[] = []): Runtime => ({
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent', trustProxy },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  });
  const attempt = (app: ReturnType<typeof createApp>, username: string) =>
    app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'not the right one' }),
    });

  it('holds one limit across two API instances sharing the database, as separate processes do', async () => {
    const first = createApp(runtime());
    const second = createApp(runtime());
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await attempt(i % 2 === 0 ? first : second, 'shared')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('gives each client behind a trusted proxy its own limit, and ignores the header from anyone else', async () => {
    const statusesFor = async (trust: readonly string[]) => {
      const server = serve({ fetch: createApp(runtime(trust)).fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const statuses: number[] = [];
      try {
        for (let i = 0; i < 6; i += 1) {
          const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
            body: JSON.stringify({ username: `proxied-${trust.length}`, password: 'not the right one' }),
          });
          statuses.push(response.status);
        }
      } finally {
        server.close();
      }
      return statuses;
    };
    // Trusted: six different clients, none over the limit. Not trusted: one peer, limited at the sixth.
    expect(await statusesFor(['127.0.0.1'])).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await statusesFor([])).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('reads TRUCE_TRUST_PROXY as IP addresses and names it when one is not', () => {
    expect(parseTrustProxy(' 10.0.0.5, ::1 ')).toEqual(['10.0.0.5', '::1']);
    expect(() => parseTrustProxy('10.0.0.5,proxy.local')).toThrow(/TRUCE_TRUST_PROXY/);
  });
});
