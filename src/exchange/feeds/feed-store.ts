import { sql } from 'kysely';
import { audited } from '../../audit/audit-store.js';
import { isUniqueViolation, type Db } from '../../platform/db/dialect.js';
import type { Row } from '../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { failedEntries, type FailedEntry } from './feed-entry-store.js';
import { formatInterval, nextPollDelaySeconds } from './interval.js';

/** A feed as admins see it: where, how often, and how its last polls went. */
export interface FeedStatus {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  readonly every: string;
  readonly enabled: boolean;
  readonly lastPolledAt: string | null;
  readonly lastStatus: string | null;
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string;
  readonly itemsIngested: number;
  /** Entries that could not be ingested, and the latest of them with their reasons. */
  readonly entriesFailed: number;
  readonly failures: readonly FailedEntry[];
}

export function presentFeed(
  row: Row<'feeds'>,
  failed: { count: number; latest: readonly FailedEntry[] } = { count: 0, latest: [] },
): FeedStatus {
  return {
    id: Number(row.id),
    url: row.url,
    title: row.title,
    every: formatInterval(row.interval_seconds),
    enabled: Number(row.enabled) === 1,
    lastPolledAt: row.last_polled_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    consecutiveFailures: Number(row.consecutive_failures),
    nextPollAt: row.next_poll_at,
    itemsIngested: Number(row.items_ingested),
    entriesFailed: failed.count,
    failures: failed.latest,
  };
}

/**
 * Registers a feed, due at once. The URL is unique: registering it twice is a conflict.
 *
 * @example await addFeed(db, { url: 'https://example.org/rss', intervalSeconds: 900, actor: 'admin:ana', now })
 */
export async function addFeed(
  db: Db,
  input: { url: string; intervalSeconds: number; actor: string; now: Date },
): Promise<FeedStatus> {
  if (!/^https?:\/\/\S+$/i.test(input.url)) throw invalid('url', 'must be an http(s) URL');
  const at = input.now.toISOString();
  try {
    // Through the audit chain (its configuration columns): a feed added with SQL fails verify.
    const row = await audited(db, { actor: input.actor, reason: 'feed added', clock: () => input.now }, (w) =>
      w.insert('feeds', {
        url: input.url,
        interval_seconds: input.intervalSeconds,
        added_by: input.actor,
        added_at: at,
        next_poll_at: at,
      }),
    );
    return presentFeed(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`feed ${input.url} is already registered`, { field: 'url' });
    throw error;
  }
}

/** Every feed with its status and its failed entries' reasons. */
export async function listFeeds(db: Db): Promise<FeedStatus[]> {
  const [rows, failed] = await Promise.all([
    db.selectFrom('feeds').selectAll().orderBy('id').execute(),
    failedEntries(db),
  ]);
  return rows.map((row) => presentFeed(row, failed.get(Number(row.id))));
}

/**
 * Pauses a feed (no poll until resumed) or resumes it (due at once), through the audit chain.
 * Pausing a paused feed, or resuming a running one, changes nothing.
 *
 * @example await setFeedPaused(db, { id: 3, paused: true, actor: 'user:ana', now })
 */
export async function setFeedPaused(
  db: Db,
  input: { id: number; paused: boolean; actor: string; now: Date },
): Promise<FeedStatus> {
  const row = await getFeedRow(db, input.id);
  const enabled = input.paused ? 0 : 1;
  if (Number(row.enabled) !== enabled) {
    const reason = input.paused ? 'feed paused' : 'feed resumed';
    const patch = input.paused ? { enabled } : { enabled, next_poll_at: input.now.toISOString() };
    await audited(db, { actor: input.actor, reason, clock: () => input.now }, (w) =>
      w.update('feeds', input.id, patch, { action: input.paused ? 'pause' : 'resume' }),
    );
  }
  return feedStatus(db, input.id);
}

/** One feed with its status and its failed entries' reasons. */
export async function feedStatus(db: Db, id: number): Promise<FeedStatus> {
  const [row, failed] = await Promise.all([getFeedRow(db, id), failedEntries(db)]);
  return presentFeed(row, failed.get(id));
}

export async function getFeedRow(db: Db, id: number): Promise<Row<'feeds'>> {
  const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('feed', id);
  return row;
}

/** Feeds whose next poll is due at `now`, in id order after `afterId` (a page of `limit`). */
export async function dueFeeds(db: Db, now: Date, limit = 100, afterId = 0): Promise<Row<'feeds'>[]> {
  return db
    .selectFrom('feeds')
    .selectAll()
    .where('enabled', '=', 1)
    .where('next_poll_at', '<=', now.toISOString())
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** How many feeds are due at `now`. */
export async function countDueFeeds(db: Db, now: Date): Promise<number> {
  const row = await db
    .selectFrom('feeds')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('enabled', '=', 1)
    .where('next_poll_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type PollResult =
  | {
      readonly kind: 'ok' | 'not_modified';
      readonly etag?: string | null;
      readonly lastModified?: string | null;
      readonly title?: string | null;
      readonly ingested: number;
    }
  | { readonly kind: 'error'; readonly reason: string };

/** Records a poll: validators and counts on success; on failure the error and a doubled wait. */
export async function recordPoll(db: Db, feed: Row<'feeds'>, result: PollResult, now: Date): Promise<void> {
  const failures = result.kind === 'error' ? Number(feed.consecutive_failures) + 1 : 0;
  const next = new Date(now.getTime() + nextPollDelaySeconds(feed.interval_seconds, failures) * 1000);
  const common = {
    last_polled_at: now.toISOString(),
    next_poll_at: next.toISOString(),
    consecutive_failures: failures,
    last_status: result.kind,
  };
  const patch =
    result.kind === 'error'
      ? { ...common, last_error: result.reason }
      : {
          ...common,
          last_error: null,
          ...(result.kind === 'ok'
            ? { etag: result.etag ?? null, last_modified: result.lastModified ?? null }
            : {}),
          ...(result.title ? { title: result.title } : {}),
          items_ingested: sql<number>`items_ingested + ${result.ingested}`,
        };
  await db.updateTable('feeds').set(patch).where('id', '=', feed.id).execute();
}

/** A claim older than this is taken to belong to a worker that died, and may be taken over. */
const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Takes an entry for ingestion. The first worker to insert (feed, key) wins under the unique
 * constraint; every other gets `null`, unless the winner's claim went stale without finishing.
 *
 * @example const claim = await claimEntry(db, { feedId: 1, key: 'urn:item:7', url: null, worker: 'w1', now })
 */
export async function claimEntry(
  db: Db,
  entry: { feedId: number; key: string; url: string | null; worker: string; now: Date },
): Promise<number | null> {
  const at = entry.now.toISOString();
  try {
    const row = await db
      .insertInto('feed_items')
      .values({
        feed_id: entry.feedId,
        item_key: entry.key,
        url: entry.url,
        state: 'claimed',
        claimed_by: entry.worker,
        claimed_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const stale = new Date(entry.now.getTime() - STALE_CLAIM_MS).toISOString();
  const taken = await db
    .updateTable('feed_items')
    .set({ claimed_by: entry.worker, claimed_at: at })
    .where('feed_id', '=', entry.feedId)
    .where('item_key', '=', entry.key)
    .where('state', '=', 'claimed')
    .where('claimed_at', '<', stale)
    .returning('id')
    .executeTakeFirst();
  return taken ? Number(taken.id) : null;
}

/** Marks a claimed entry done, with what ingestion made of it. */
export async function finishEntry(
  db: Db,
  itemId: number,
  outcome: { state: 'ingested'; sourceId: number | null; outcome: string },
): Promise<void> {
  await db
    .updateTable('feed_items')
    .set({ state: outcome.state, source_id: outcome.sourceId, outcome: outcome.outcome })
    .where('id', '=', itemId)
    .execute();
}
