import PgBoss from 'pg-boss';
import { TruceError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { feedPollDeps } from './feed-deps.js';
import { pollFeedOnce } from './feed-poller.js';
import { dueFeeds } from './feed-store.js';

/** The pg-boss queue of feed polls; its `stately` policy keeps at most one queued and one active job per feed. */
export const FEED_QUEUE = 'truce-feed-poll';
export const JOB_SCHEMA = 'truce_jobs';
/** Due feeds are read and queued in pages of this many, until none is left. */
const DUE_PAGE = 500;

export interface FeedWorker {
  stop(): Promise<void>;
}

export interface FeedWorkerOptions {
  /** How often this worker looks for due feeds and queues them (default 30 s). */
  readonly tickSeconds?: number;
  /** How often it asks the queue for work (pg-boss minimum 0.5 s; default 2 s). */
  readonly pollingIntervalSeconds?: number;
  readonly worker?: string;
}

/**
 * Server mode: a worker process on PostgreSQL. Every worker queues the feeds that are due (one job
 * per feed, deduplicated by pg-boss's singleton key) and takes jobs from the shared queue; which
 * worker ingests an entry is settled by the feed_items unique constraint, so none is ingested twice.
 *
 * @example const worker = await startFeedWorker(runtime); process.once('SIGTERM', () => worker.stop())
 */
export async function startFeedWorker(
  runtime: Runtime,
  options: FeedWorkerOptions = {},
): Promise<FeedWorker> {
  if (runtime.config.database.kind !== 'postgres')
    throw new TruceError(
      'invalid',
      'truce worker needs PostgreSQL; on SQLite the server process polls feeds',
      {
        field: '--db',
        rule: 'must be postgres://… for worker processes',
      },
    );
  const boss = new PgBoss({ connectionString: runtime.config.database.url, schema: JOB_SCHEMA, max: 4 });
  boss.on('error', (error: unknown) => runtime.log.error('job queue error', { error: String(error) }));
  await boss.start();
  await boss.createQueue(FEED_QUEUE, { name: FEED_QUEUE, policy: 'stately', retryLimit: 0 });
  const deps = await feedPollDeps(runtime.db, options.worker ?? `worker:${process.pid}`);
  await boss.work<{ feedId: number }>(
    FEED_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      if (!job) return;
      // A second job for a feed another worker just polled finds it no longer due, and skips.
      const summary = await pollFeedOnce(deps, job.data.feedId);
      if (summary) runtime.log.info('feed polled', { ...summary, worker: deps.worker });
    },
  );
  const enqueueDue = async () => {
    const now = new Date();
    for (let after = 0, page = await dueFeeds(runtime.db, now, DUE_PAGE); page.length > 0;) {
      for (const feed of page)
        await boss.send(FEED_QUEUE, { feedId: feed.id }, { singletonKey: `feed:${feed.id}` });
      if (page.length < DUE_PAGE) break;
      after = Number(page[page.length - 1]?.id ?? after);
      page = await dueFeeds(runtime.db, now, DUE_PAGE, after);
    }
  };
  await enqueueDue();
  const timer = setInterval(
    () => {
      enqueueDue().catch((error: unknown) =>
        runtime.log.error('queueing due feeds failed', { error: String(error) }),
      );
    },
    (options.tickSeconds ?? 30) * 1000,
  );
  return {
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
