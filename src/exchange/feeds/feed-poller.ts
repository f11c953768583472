import { withLease } from '../../platform/lease-store.js';
import type { Runtime } from '../../platform/runtime.js';
import { feedPollDeps } from './feed-deps.js';
import { pollFeed, type PollDeps, type PollSummary } from './feed-poll.js';
import { dueFeeds } from './feed-store.js';

export interface FeedPoller {
  /** Stops polling and waits for a poll in progress to finish. */
  stop(): Promise<void>;
}

const PAGE = 100;
/** How long a poller holds a feed without renewing; it renews every third of it while polling. */
const FEED_LEASE_MS = 5 * 60_000;

/**
 * Polls one feed unless another poller (any process on the database) is polling it now or has
 * just polled it: the feed's lease is taken first, then the feed read again and polled only if
 * it is still due. `null` when it was skipped.
 *
 * @example const summary = await pollFeedOnce(deps, 7) // null: polled elsewhere
 */
export async function pollFeedOnce(deps: PollDeps, feedId: number): Promise<PollSummary | null> {
  const lease = { name: `feed:${feedId}`, holder: deps.worker, ttlMs: FEED_LEASE_MS, clock: deps.clock };
  const outcome = await withLease(deps.db, lease, async () => {
    // The one definition of due, asked of this feed alone: the first due feed from its id on.
    const [feed] = await dueFeeds(deps.db, deps.clock(), 1, feedId - 1);
    return feed && Number(feed.id) === feedId ? pollFeed(deps, feed) : null;
  });
  return outcome.kind === 'done' ? outcome.value : null;
}

/**
 * Polls every feed due now, once, one after another (all of them, page by page, or the first
 * `max`); one feed's failure is recorded on that feed and the others still run. A feed another
 * process is polling is skipped (`pollFeedOnce`).
 *
 * @example const summaries = await pollDueFeeds(deps)
 */
export async function pollDueFeeds(deps: PollDeps, options: { max?: number } = {}): Promise<PollSummary[]> {
  const now = deps.clock();
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const out: PollSummary[] = [];
  let after = 0;
  while (out.length < max) {
    const page = await dueFeeds(deps.db, now, Math.min(PAGE, max - out.length), after);
    for (const feed of page) {
      const summary = await pollFeedOnce(deps, Number(feed.id));
      if (summary) out.push(summary);
    }
    if (page.length < PAGE) break;
    after = Number(page[page.length - 1]?.id ?? after);
  }
  return out;
}

/**
 * Embedded mode: the server process polls due feeds every `tickSeconds` (default 30). Pollers
 * in several processes on one database never poll one feed at once (see `pollFeedOnce`); with
 * PostgreSQL, `truce worker` processes do the polling instead.
 *
 * @example const poller = await startFeedPoller(runtime); process.once('SIGTERM', () => poller.stop())
 */
export async function startFeedPoller(
  runtime: Runtime,
  options: { tickSeconds?: number } = {},
): Promise<FeedPoller> {
  const deps = await feedPollDeps(runtime.db, `server:${process.pid}`);
  const tickMs = (options.tickSeconds ?? 30) * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = pollDueFeeds(deps)
      .then((summaries) => {
        for (const s of summaries) runtime.log.info('feed polled', { ...s });
      })
      .catch((error: unknown) => runtime.log.error('feed polling failed', { error: String(error) }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, tickMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
