import { z } from 'zod';
import type { Db } from '../../platform/db/dialect.js';
import type { FeedEntry } from './feed-parse.js';
import { entryRetryDelaySeconds } from './interval.js';

/** A feed entry that could not be ingested, as admins see it. */
export interface FailedEntry {
  readonly feedId: number;
  readonly key: string;
  readonly url: string | null;
  readonly reason: string;
  readonly attempts: number;
  /** When it is tried again; null when it will not be. */
  readonly retryAt: string | null;
}

const StoredEntry = z.object({
  key: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  content: z.string().nullable(),
});

/**
 * Marks a claimed entry failed with its reason, keeping the entry for a retry after a backoff
 * (`retry: false` for a failure that trying again cannot mend).
 *
 * @example await failEntry(db, claim, { entry, reason: 'HTTP 503 Service Unavailable', retry: true, now })
 */
export async function failEntry(
  db: Db,
  itemId: number,
  failure: { entry: FeedEntry; reason: string; retry: boolean; now: Date },
): Promise<void> {
  const row = await db
    .selectFrom('feed_items')
    .select('attempts')
    .where('id', '=', itemId)
    .executeTakeFirst();
  const attempts = Number(row?.attempts ?? 0) + 1;
  const delay = failure.retry ? entryRetryDelaySeconds(attempts) : null;
  await db
    .updateTable('feed_items')
    .set({
      state: 'failed',
      outcome: failure.reason,
      attempts,
      retry_at: delay === null ? null : new Date(failure.now.getTime() + delay * 1000).toISOString(),
      entry: JSON.stringify(failure.entry),
    })
    .where('id', '=', itemId)
    .execute();
}

/**
 * Claims the failed entries of a feed that are due for another try, each under a guarded update
 * so that two workers never take the same one.
 *
 * @example for (const { id, entry } of await claimRetries(db, { feedId: 1, worker: 'w1', now })) retry(entry)
 */
export async function claimRetries(
  db: Db,
  input: { feedId: number; worker: string; now: Date; limit?: number },
): Promise<{ id: number; entry: FeedEntry }[]> {
  const at = input.now.toISOString();
  const due = await db
    .selectFrom('feed_items')
    .select(['id', 'entry'])
    .where('feed_id', '=', input.feedId)
    .where('state', '=', 'failed')
    .where('retry_at', '<=', at)
    .orderBy('retry_at')
    .limit(input.limit ?? 100)
    .execute();
  const out: { id: number; entry: FeedEntry }[] = [];
  for (const row of due) {
    const parsed = StoredEntry.safeParse(JSON.parse(row.entry ?? 'null'));
    if (!parsed.success) continue;
    const taken = await db
      .updateTable('feed_items')
      .set({ state: 'claimed', claimed_by: input.worker, claimed_at: at })
      .where('id', '=', row.id)
      .where('state', '=', 'failed')
      .returning('id')
      .executeTakeFirst();
    if (taken) out.push({ id: Number(taken.id), entry: parsed.data });
  }
  return out;
}

/**
 * Failed entries of every feed, newest attempt first, at most `perFeed` each.
 *
 * @example (await failedEntries(db)).get(1)?.[0]?.reason // 'HTTP 404 Not Found'
 */
export async function failedEntries(
  db: Db,
  perFeed = 5,
): Promise<Map<number, { count: number; latest: FailedEntry[] }>> {
  const counts = await db
    .selectFrom('feed_items')
    .select(['feed_id', (eb) => eb.fn.countAll().as('n')])
    .where('state', '=', 'failed')
    .groupBy('feed_id')
    .execute();
  const out = new Map<number, { count: number; latest: FailedEntry[] }>();
  for (const c of counts) {
    const feedId = Number(c.feed_id);
    const rows = await db
      .selectFrom('feed_items')
      .select(['item_key', 'url', 'outcome', 'attempts', 'retry_at'])
      .where('feed_id', '=', feedId)
      .where('state', '=', 'failed')
      .orderBy('claimed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perFeed)
      .execute();
    out.set(feedId, {
      count: Number(c.n),
      latest: rows.map((r) => ({
        feedId,
        key: r.item_key,
        url: r.url,
        reason: r.outcome ?? 'failed',
        attempts: Number(r.attempts),
        retryAt: r.retry_at,
      })),
    });
  }
  return out;
}
