import { beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../demo/load-demo.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { createApp } from './app.js';

describeEachDatabase('agreement, mission and bulletin routes on the demo', (t) => {
  const app = () => {
    const runtime: Runtime = {
      config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
      db: t.db,
      log: createLogger('silent'),
      close: async () => {},
    };
    return createApp(runtime);
  };
  beforeAll(async () => {
    await loadDemo(t.db, {});
  });

  it('serves the commitments as of a date, the same as the CLI computes them', async () => {
    const body = (await (await app().request('/api/agreements/status?asOf=2020-11-21')).json()) as {
      commitments: { status: string; text?: unknown }[];
    };
    expect(body.commitments.length).toBeGreaterThan(5);
    expect(JSON.stringify(body)).toMatch(/fulfilled/);
  });

  it('answers a bad asOf with 400 naming the field', async () => {
    const response = await app().request('/api/agreements/status?asOf=yesterday');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^As of must be /,
    );
  });

  it('serves the mission status and a bulletin in three formats, the HTML ending with the audit head', async () => {
    const mission = (await (await app().request('/api/mission/status?asOf=2020-12-01')).json()) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(mission)).toMatch(/2025-11-1\d/);
    const head = (await (await app().request('/api/health')).json()) as { audit: { head: string } };
    const html = await (await app().request('/api/bulletins/2020-11-20?format=html')).text();
    expect(html).toContain(head.audit.head);
    expect((await app().request('/api/bulletins/2020-11-20?format=md')).headers.get('content-type')).toMatch(
      /markdown/,
    );
    expect((await app().request('/api/bulletins/2020-11-20')).status).toBe(200);
  });
});
