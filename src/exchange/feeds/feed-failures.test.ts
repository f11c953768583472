import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/db/test-support/databases.js';
import { readInput } from '../../record/ingest-io.js';
import { feedPollDeps } from './feed-deps.js';
import { fetchFeed, MAX_FEED_BYTES } from './feed-fetch.js';
import type { PollDeps } from './feed-poll.js';
import { pollDueFeeds } from './feed-poller.js';
import { addFeed, countDueFeeds, listFeeds } from './feed-store.js';
import { bytes, redirect, startByteServer, type ByteServer } from './test-support/byte-server.js';

// A feed written for this test: one entry whose article is missing but which has its own text,
// one whose article is missing and which has none, one linking to a host by a name that resolves
// to loopback (not allowed), one whose article exists.
const feedXml = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Failing wire</title><link>${base}/</link><description>d</description>
<item><title>Patrol report</title><link>/gone/1</link><guid>urn:fail:1</guid><description>Observers reported on Monday that two shells landed near the river crossing.</description></item>
<item><title>Later</title><link>/later/2</link><guid>urn:fail:2</guid></item>
<item><title>Inside</title><link>http://localhost:${new URL(base).port}/inside</link><guid>urn:fail:3</guid></item>
<item><title>Fine</title><link>/ok/4</link><guid>urn:fail:4</guid></item>
</channel></rss>`;

const ARTICLE = 'The mission said on Tuesday that a convoy of 12 trucks reached the northern villages.';
const LATER = 'Residents said on Wednesday that the checkpoint on the main road reopened after two days.';

describeEachDatabase('feed entries that fail', (t) => {
  let server: ByteServer;
  let deps: PollDeps;
  let now = new Date('2021-06-01T08:00:00Z');
  const clock = () => now;
  const later = (ms: number) => (now = new Date(now.getTime() + ms));
  const allowLocal = { policy: { allowHosts: ['127.0.0.1'] } };

  beforeAll(async () => {
    // The test server is local: allowed explicitly, as an admin would; "localhost" is not listed.
    process.env.TRUCE_FETCH_ALLOW_HOSTS = '127.0.0.1';
    server = await startByteServer();
    deps = await feedPollDeps(t.db, 'worker:failures', clock);
    server.routes.set('/feed.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feedXml(server.base));
    });
    server.routes.set('/ok/4', bytes(ARTICLE, 'text/plain; charset=utf-8'));
    server.routes.set('/inside', bytes('internal page', 'text/plain'));
  });
  afterAll(() => server.close());

  it('uses the entry’s own text when its article cannot be fetched, and keeps each failure’s reason', async () => {
    await addFeed(t.db, { url: `${server.base}/feed.xml`, intervalSeconds: 3600, actor: 'admin:test', now });
    const [summary] = await pollDueFeeds(deps);
    expect(summary).toMatchObject({ status: 'ok', entries: 4, ingested: 2, fromEntryText: 1, failed: 2 });
    expect(summary?.failures).toEqual([
      {
        entry: `${server.base}/later/2`,
        reason: 'article: HTTP 404 Not Found; the entry has no text',
      },
      {
        entry: `http://localhost:${server.port}/inside`,
        reason: expect.stringMatching(
          /^article: refused localhost \((127\.0\.0\.1|::1)\): a loopback address; an admin may allow the host in TRUCE_FETCH_ALLOW_HOSTS; the entry has no text$/,
        ),
      },
    ]);
    expect(server.asked).not.toContain('/inside');
    const [feed] = await listFeeds(t.db);
    expect(feed).toMatchObject({ lastStatus: 'ok', itemsIngested: 2, entriesFailed: 2 });
    expect(feed?.failures.map((f) => [f.reason.slice(0, 22), f.attempts, f.retryAt])).toEqual(
      expect.arrayContaining([
        ['article: HTTP 404 Not ', 1, '2021-06-01T08:15:00.000Z'],
        ['article: refused local', 1, '2021-06-01T08:15:00.000Z'],
      ]),
    );
    const fallback = await t.db
      .selectFrom('feed_items')
      .select('outcome')
      .where('item_key', '=', 'urn:fail:1')
      .executeTakeFirstOrThrow();
    expect(fallback.outcome).toBe("new (from the entry's own text; article: HTTP 404 Not Found)");
  });

  it('tries failed entries again after their backoff even when the feed answers 304', async () => {
    server.routes.set('/later/2', bytes(LATER, 'text/plain; charset=utf-8'));
    later(20 * 60_000);
    expect(await pollDueFeeds(deps)).toEqual([]); // the feed itself is not due yet
    later(60 * 60_000);
    const [summary] = await pollDueFeeds(deps);
    expect(summary).toMatchObject({ status: 'not_modified', retried: 2, ingested: 1, failed: 1 });
    const [feed] = await listFeeds(t.db);
    expect(feed?.entriesFailed).toBe(1);
    // The second failure waits twice as long.
    expect(feed?.failures[0]).toMatchObject({
      attempts: 2,
      retryAt: new Date(now.getTime() + 1_800_000).toISOString(),
    });
  });

  it('polls every due feed, not the first hundred, or says how many it left', async () => {
    server.routes.set('/empty.xml', (_req, res) => void res.writeHead(304).end());
    for (let i = 0; i < 120; i++)
      await addFeed(t.db, {
        url: `${server.base}/empty.xml?n=${i}`,
        intervalSeconds: 3600,
        actor: 'admin:test',
        now,
      });
    server.routes.clear();
    server.routes.set('/empty.xml', (_req, res) => void res.writeHead(304).end());
    const first = await pollDueFeeds(deps, { max: 50 });
    expect(first).toHaveLength(50);
    expect(await countDueFeeds(t.db, now)).toBe(70);
    expect(await pollDueFeeds(deps)).toHaveLength(70);
    expect(await countDueFeeds(t.db, now)).toBe(0);
  });

  it('refuses loopback, private and metadata addresses unless the host is allowed, at every redirect', async () => {
    const none = { policy: { allowHosts: [] } };
    const v = { etag: null, lastModified: null };
    server.routes.set('/feed2.xml', bytes('<rss/>', 'text/xml'));
    server.routes.set('/hop', redirect(`http://localhost:${server.port}/feed2.xml`));
    expect(await fetchFeed(`${server.base}/feed2.xml`, v, none)).toEqual({
      status: 'error',
      reason: 'refused 127.0.0.1: a loopback address; an admin may allow the host in TRUCE_FETCH_ALLOW_HOSTS',
    });
    expect(await fetchFeed(`${server.base}/hop`, v, allowLocal)).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/^refused localhost \((127\.0\.0\.1|::1)\): a loopback address/),
    });
    expect(await fetchFeed('http://169.254.169.254/latest/meta-data/', v, none)).toMatchObject({
      reason: expect.stringMatching(/^refused 169\.254\.169\.254: a link-local or cloud metadata address/),
    });
    expect(await fetchFeed('http://[::ffff:10.0.0.5]/feed', v, none)).toMatchObject({
      reason: expect.stringMatching(/^refused ::ffff:a00:5: a private address/),
    });
    expect(await fetchFeed(`${server.base}/feed2.xml`, v, allowLocal)).toMatchObject({ status: 'ok' });
    const ingest = await readInput(`http://localhost:${server.port}/ok/4`, clock);
    expect(ingest).toMatchObject({ ok: false, reason: expect.stringMatching(/^refused localhost/) });
  });

  it('stops reading a feed at the size limit instead of buffering it', async () => {
    let written = 0;
    server.routes.set('/endless.xml', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && written < 100 * MAX_FEED_BYTES) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      req.socket.once('close', () => res.destroy());
      pump();
    });
    const fetched = await fetchFeed(
      `${server.base}/endless.xml`,
      { etag: null, lastModified: null },
      allowLocal,
    );
    expect(fetched).toEqual({ status: 'error', reason: `feed larger than ${MAX_FEED_BYTES} bytes` });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The server could write little more than the limit plus the sockets' buffers before the
    // client hung up; an unbounded read would take all 500 MB.
    expect(written).toBeLessThan(3 * MAX_FEED_BYTES);
  });
});
