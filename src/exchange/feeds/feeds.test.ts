import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../platform/db/dialect.js';
import { describeEachDatabase } from '../../platform/db/test-support/databases.js';
import { TruceError } from '../../platform/errors.js';
import { feedPollDeps } from './feed-deps.js';
import { pollFeed, type PollDeps } from './feed-poll.js';
import { pollDueFeeds } from './feed-poller.js';
import { addFeed, getFeedRow, listFeeds } from './feed-store.js';
import { startFeedServer, type FeedServer } from './test-support/feed-server.js';

/** The articles captured from one desk of the test server, by their letter. */
const sourcesFromFeeds = async (db: Db, desk = 'main') =>
  (
    await db
      .selectFrom('sources')
      .select('url')
      .where('url', 'like', `http://127.0.0.1:%/${desk}/%`)
      .orderBy('url')
      .execute()
  ).map((s) => s.url?.replace(/^.*\/articles\//, ''));

describeEachDatabase('feeds', (t) => {
  let server: FeedServer;
  let deps: PollDeps;
  let now = new Date('2020-11-16T12:00:00Z');
  const clock = () => now;
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  beforeAll(async () => {
    // The test server is local: allowed explicitly, as an admin would.
    process.env.TRUCE_FETCH_ALLOW_HOSTS = '127.0.0.1';
    server = await startFeedServer();
    deps = await feedPollDeps(t.db, 'worker:one', clock);
  });
  afterAll(() => server.close());

  it('registers a feed by URL with an interval, and refuses the same URL twice', async () => {
    const feed = await addFeed(t.db, { url: server.url, intervalSeconds: 900, actor: 'admin:test', now });
    expect(feed).toMatchObject({
      url: server.url,
      every: '15m',
      enabled: true,
      nextPollAt: now.toISOString(),
    });
    const again = await addFeed(t.db, {
      url: server.url,
      intervalSeconds: 60,
      actor: 'admin:test',
      now,
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(TruceError);
    expect((again as TruceError).code).toBe('conflict');
  });

  it('ingests new entries through the record pipeline, and only the new ones as the feed changes', async () => {
    const [first] = await pollDueFeeds(deps);
    expect(first).toMatchObject({ status: 'ok', entries: 2, ingested: 2 });
    expect(await sourcesFromFeeds(t.db)).toEqual(['a', 'b']);
    server.version = 'second';
    later(900_000);
    const [second] = await pollDueFeeds(deps);
    expect(second).toMatchObject({ status: 'ok', entries: 3, ingested: 2, skipped: 1 });
    expect(await sourcesFromFeeds(t.db)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('asks conditionally and takes a 304 as nothing new', async () => {
    later(900_000);
    const [summary] = await pollDueFeeds(deps);
    expect(summary).toMatchObject({ status: 'not_modified', ingested: 0 });
    const asked = server.requests.filter((r) => r.path === '/main/feed.xml').at(-1);
    expect(asked?.ifNoneMatch).toBe('"second"');
  });

  it('is not polled again before its interval', async () => {
    expect(await pollDueFeeds(deps)).toEqual([]);
  });

  it('backs off after errors, doubling the wait, and shows the error in its status', async () => {
    server.version = 'broken';
    for (const failures of [1, 2]) {
      now = new Date((await getFeedRow(t.db, 1)).next_poll_at);
      await pollDueFeeds(deps);
      const [status] = await listFeeds(t.db);
      expect(status).toMatchObject({
        lastStatus: 'error',
        lastError: 'HTTP 500 Internal Server Error',
        consecutiveFailures: failures,
      });
      expect(Date.parse(status?.nextPollAt ?? '') - now.getTime()).toBe(900_000 * 2 ** failures);
    }
    server.version = 'atom';
    now = new Date((await getFeedRow(t.db, 1)).next_poll_at);
    const [recovered] = await pollDueFeeds(deps);
    expect(recovered).toMatchObject({ status: 'ok', entries: 2, ingested: 0, skipped: 2 });
    expect((await listFeeds(t.db))[0]).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
      itemsIngested: 4,
    });
  });

  it.runIf(t.name === 'postgres')(
    'two workers polling the same changing feed ingest every entry exactly once',
    async () => {
      const other = openDatabase(t.config);
      try {
        const feed = await addFeed(t.db, {
          url: server.feedUrl('shared'),
          intervalSeconds: 60,
          actor: 'admin:test',
          now,
        });
        const workers = [{ ...deps, worker: 'worker:a' }, await feedPollDeps(other, 'worker:b', clock)];
        let ingested = 0;
        for (const version of ['first', 'second'] as const) {
          server.version = version;
          const polls = await Promise.all(
            workers.map(async (w) => pollFeed(w, await getFeedRow(w.db, feed.id))),
          );
          ingested += polls.reduce((n, p) => n + p.ingested, 0);
        }
        expect(ingested).toBe(4);
        expect(await sourcesFromFeeds(t.db, 'shared')).toEqual(['a', 'b', 'c', 'd']);
        const items = await t.db
          .selectFrom('feed_items')
          .select(['item_key', 'outcome'])
          .where('feed_id', '=', feed.id)
          .orderBy('item_key')
          .execute();
        expect(items).toEqual(
          ['a', 'b', 'c', 'd'].map((id) => ({ item_key: `urn:truce-test:${id}`, outcome: 'new' })),
        );
      } finally {
        await other.destroy();
      }
    },
  );
});
