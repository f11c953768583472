import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/dialect.js';
import { describeEachDatabase } from '../../platform/db/test-support/databases.js';
import { createLogger } from '../../platform/log.js';
import type { Runtime } from '../../platform/runtime.js';
import { addFeed } from './feed-store.js';
import { startFeedWorker, type FeedWorker } from './feed-worker.js';
import { startFeedServer, type FeedServer } from './test-support/feed-server.js';

/** Waits until `done` holds, checking every 200 ms; gives up after a minute (no duration is asserted). */
async function eventually(done: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('condition not reached within a minute');
}

const ingestedKeys = async (db: Db, feedId: number) =>
  (
    await db
      .selectFrom('feed_items')
      .select('item_key')
      .where('feed_id', '=', feedId)
      .where('state', '=', 'ingested')
      .orderBy('item_key')
      .execute()
  ).map((r) => r.item_key);

describeEachDatabase('feed workers on the job queue', (t) => {
  let server: FeedServer;
  const workers: FeedWorker[] = [];
  beforeAll(async () => {
    // The test server is local: allowed explicitly, as an admin would.
    process.env.TRUCE_FETCH_ALLOW_HOSTS = '127.0.0.1';
    server = await startFeedServer();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await server.close();
  });

  it.runIf(t.name === 'postgres')(
    'two worker processes share the queue and ingest each entry of a changing feed once',
    async () => {
      const runtime: Runtime = {
        config: loadConfig(
          { db: String(t.config.kind === 'postgres' ? t.config.url : ''), logLevel: 'silent' },
          {},
        ),
        db: t.db,
        log: createLogger('silent'),
        close: async () => undefined,
      };
      const feed = await addFeed(t.db, {
        url: server.feedUrl('queue'),
        intervalSeconds: 60,
        actor: 'admin:test',
        now: new Date(),
      });
      for (const name of ['worker:1', 'worker:2'])
        workers.push(
          await startFeedWorker(runtime, { worker: name, tickSeconds: 1, pollingIntervalSeconds: 0.5 }),
        );
      await eventually(async () => (await ingestedKeys(t.db, feed.id)).length === 2);
      server.version = 'second';
      await t.db
        .updateTable('feeds')
        .set({ next_poll_at: new Date().toISOString() })
        .where('id', '=', feed.id)
        .execute();
      await eventually(async () => (await ingestedKeys(t.db, feed.id)).length === 4);
      const sources = await t.db
        .selectFrom('sources')
        .select('url')
        .where('url', 'like', '%/queue/articles/%')
        .execute();
      expect(sources.map((s) => s.url?.slice(-1)).sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(await ingestedKeys(t.db, feed.id)).toEqual(
        ['a', 'b', 'c', 'd'].map((id) => `urn:truce-test:${id}`),
      );
      // Jobs queued while a poll ran find the feed no longer due: one fetch each time it was due.
      expect(server.requests.filter((r) => r.path === '/queue/feed.xml')).toHaveLength(2);
    },
  );

  it('refuses to start a worker on SQLite, where the server process polls', async () => {
    if (t.name !== 'sqlite') return;
    const runtime: Runtime = {
      config: loadConfig({ db: 'sqlite::memory:', logLevel: 'silent' }, {}),
      db: t.db,
      log: createLogger('silent'),
      close: async () => undefined,
    };
    await expect(startFeedWorker(runtime)).rejects.toThrow(/needs PostgreSQL/);
  });
});
