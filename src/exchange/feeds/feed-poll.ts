import type { Db } from '../../platform/db/dialect.js';
import type { Row } from '../../platform/db/schema.js';
import {
  ingestItem,
  type IngestDeps,
  type IngestItem,
  type IngestOutcome,
} from '../../record/ingest-store.js';
import { readInput } from '../../record/ingest-io.js';
import { fetchFeed } from './feed-fetch.js';
import { parseFeedDocument, type FeedEntry } from './feed-parse.js';
import { claimEntry, finishEntry, recordPoll, releaseEntry, type PollResult } from './feed-store.js';

/** What polling needs: the record pipeline without its actor (each feed ingests as itself). */
export interface PollDeps {
  readonly db: Db;
  readonly ingest: Omit<IngestDeps, 'db' | 'actor'>;
  /** Names this process in claims, e.g. `worker:1234`. */
  readonly worker: string;
  readonly clock: () => Date;
}

export interface PollSummary {
  readonly feedId: number;
  readonly status: PollResult['kind'];
  readonly entries: number;
  readonly ingested: number;
  readonly skipped: number;
  readonly failed: number;
  readonly error?: string;
}

/**
 * Polls one feed: a conditional GET, then each entry not seen before is claimed (exactly one
 * worker wins it), its article fetched and ingested through the record pipeline. The feed's status,
 * validators and next poll (backing off after errors) are recorded either way.
 *
 * @example await pollFeed(deps, await getFeedRow(db, 1))
 */
export async function pollFeed(deps: PollDeps, feed: Row<'feeds'>): Promise<PollSummary> {
  const fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.last_modified });
  const base = { feedId: Number(feed.id), entries: 0, ingested: 0, skipped: 0, failed: 0 };
  if (fetched.status !== 'ok') {
    const result: PollResult =
      fetched.status === 'error'
        ? { kind: 'error', reason: fetched.reason }
        : { kind: 'not_modified', ingested: 0 };
    await recordPoll(deps.db, feed, result, deps.clock());
    return { ...base, status: result.kind, ...(result.kind === 'error' ? { error: result.reason } : {}) };
  }
  let parsed;
  try {
    parsed = parseFeedDocument(fetched.body);
  } catch (error) {
    const reason = `not an RSS or Atom feed: ${error instanceof Error ? error.message : String(error)}`;
    await recordPoll(deps.db, feed, { kind: 'error', reason }, deps.clock());
    return { ...base, status: 'error', error: reason };
  }
  const counts = { ...base, entries: parsed.entries.length };
  for (const entry of parsed.entries) {
    const outcome = await takeEntry(deps, feed, entry);
    counts[outcome] += 1;
  }
  await recordPoll(
    deps.db,
    feed,
    {
      kind: 'ok',
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      title: parsed.title,
      ingested: counts.ingested,
    },
    deps.clock(),
  );
  return { ...counts, status: 'ok' };
}

async function takeEntry(
  deps: PollDeps,
  feed: Row<'feeds'>,
  entry: FeedEntry,
): Promise<'ingested' | 'skipped' | 'failed'> {
  const claim = await claimEntry(deps.db, {
    feedId: Number(feed.id),
    key: entry.key,
    url: entry.url,
    worker: deps.worker,
    now: deps.clock(),
  });
  if (claim === null) return 'skipped';
  const item = await itemOf(entry, deps.clock);
  if (!item) {
    await releaseEntry(deps.db, claim);
    return 'failed';
  }
  let outcome: IngestOutcome;
  try {
    outcome = await ingestItem({ ...deps.ingest, db: deps.db, actor: `feed:${feed.id}` }, item, {
      published: entry.published,
    });
  } catch (error) {
    await releaseEntry(deps.db, claim);
    throw error;
  }
  if (outcome.status === 'failed') {
    await finishEntry(deps.db, claim, {
      state: 'ingested',
      sourceId: null,
      outcome: `failed: ${outcome.reason}`,
    });
    return 'failed';
  }
  await finishEntry(deps.db, claim, {
    state: 'ingested',
    sourceId: outcome.sourceId,
    outcome: outcome.status,
  });
  return outcome.status === 'duplicate' ? 'skipped' : 'ingested';
}

/** The entry's article when it links one; the feed's own text when it does not. */
async function itemOf(entry: FeedEntry, clock: () => Date): Promise<IngestItem | null> {
  if (entry.url) {
    const input = await readInput(entry.url, clock);
    return input.ok ? input.item : null;
  }
  if (!entry.content) return null;
  const html = `<html><head><title>${escapeHtml(entry.title ?? '')}</title></head><body>${entry.content}</body></html>`;
  return {
    label: entry.key,
    bytes: new TextEncoder().encode(html),
    contentType: 'text/html',
    retrievedAt: clock().toISOString(),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
