import type { Runtime } from '../../platform/runtime.js';
import { feedPollDeps } from './feed-deps.js';
import { pollFeed, type PollDeps, type PollSummary } from './feed-poll.js';
import { dueFeeds } from './feed-store.js';

export interface FeedPoller {
  /** Stops polling and waits for a poll in progress to finish. */
  stop(): Promise<void>;
}

const PAGE = 100;

/**
 * Polls every feed due now, once, one after another (all of them, page by page, or the first
 * `max`); one feed's failure is recorded on that feed and the others still run.
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
    for (const feed of page) out.push(await pollFeed(deps, feed));
    if (page.length < PAGE) break;
    after = Number(page[page.length - 1]?.id ?? after);
  }
  return out;
}

/**
 * Embedded mode: the server process polls due feeds every `tickSeconds` (default 30). Use one
 * poller per database on SQLite; with PostgreSQL run `truce worker` processes instead.
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
