import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/dialect.js';
import { describeEachDatabase } from '../../platform/db/test-support/databases.js';
import { acquireLease } from '../../platform/lease-store.js';
import { feedPollDeps } from './feed-deps.js';
import type { PollDeps } from './feed-poll.js';
import { pollDueFeeds } from './feed-poller.js';
import { addFeed } from './feed-store.js';
import { startFeedServer, type FeedServer } from './test-support/feed-server.js';

/** Two pollers on one database (each its own connection, as two server processes have). */
describeEachDatabase('the feed poller lock', (t) => {
  let server: FeedServer;
  let now = new Date('2026-12-01T09:00:00Z');
  const clock = () => now;
  const fetchesOf = (desk: string) => server.requests.filter((r) => r.path === `/${desk}/feed.xml`).length;

  beforeAll(async () => {
    // The test server is local: allowed explicitly, as an admin would.
    process.env.TRUCE_FETCH_ALLOW_HOSTS = '127.0.0.1';
    server = await startFeedServer();
  });
  afterAll(() => server.close());

  it('two pollers, one due feed: one fetch, and the other poller skips it', async () => {
    const other = openDatabase(t.config);
    try {
      await addFeed(t.db, { url: server.feedUrl('pair'), intervalSeconds: 900, actor: 'admin:test', now });
      const pollers: PollDeps[] = [
        await feedPollDeps(t.db, 'server:a', clock),
        await feedPollDeps(other, 'server:b', clock),
      ];
      const polled = await Promise.all(pollers.map((p) => pollDueFeeds(p)));
      expect(fetchesOf('pair')).toBe(1);
      expect(polled.flat()).toEqual([expect.objectContaining({ status: 'ok', ingested: 2 })]);
      // Both again, each after the other has finished: the feed is no longer due for either.
      for (const p of pollers) expect(await pollDueFeeds(p)).toEqual([]);
      expect(fetchesOf('pair')).toBe(1);
    } finally {
      await other.destroy();
    }
  });

  it('leaves a feed alone while a poller that died holds it, and polls it once the lease runs out', async () => {
    now = new Date(now.getTime() + 3_600_000);
    const feed = await addFeed(t.db, {
      url: server.feedUrl('held'),
      intervalSeconds: 900,
      actor: 'admin:test',
      now,
    });
    const deps = await feedPollDeps(t.db, 'server:c', clock);
    const pollsOfFeed = async () => (await pollDueFeeds(deps)).filter((s) => s.feedId === feed.id);
    expect(
      await acquireLease(t.db, { name: `feed:${feed.id}`, holder: 'server:dead', ttlMs: 300_000, clock }),
    ).toBe(true);
    expect(await pollsOfFeed()).toEqual([]);
    expect(fetchesOf('held')).toBe(0);
    now = new Date(now.getTime() + 300_000);
    expect(await pollsOfFeed()).toEqual([expect.objectContaining({ status: 'ok', ingested: 2 })]);
    expect(fetchesOf('held')).toBe(1);
  });
});
