import type { Db } from '../../platform/db/dialect.js';
import type { Row } from '../../platform/db/schema.js';
import { ingestItem, type IngestDeps, type IngestItem } from '../../record/ingest-store.js';
import { readInput } from '../../record/ingest-io.js';
import { claimRetries, failEntry } from './feed-entry-store.js';
import { fetchFeed } from './feed-fetch.js';
import { parseFeedDocument, type FeedEntry } from './feed-parse.js';
import { claimEntry, finishEntry, recordPoll, type PollResult } from './feed-store.js';

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
  /** Of those ingested, how many from the entry's own text because its article could not be fetched. */
  readonly fromEntryText: number;
  readonly skipped: number;
  readonly failed: number;
  /** Failed entries tried again in this poll (they are counted in ingested or failed as well). */
  readonly retried: number;
  /** Why each failed entry failed, this poll. */
  readonly failures: readonly { readonly entry: string; readonly reason: string }[];
  readonly error?: string;
}

type Taken =
  | { readonly status: 'ingested' | 'skipped'; readonly fromEntryText: boolean }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * Polls one feed: a conditional GET, then each entry not seen before is claimed (exactly one
 * worker wins it), its article fetched (else the entry's own text) and ingested through the
 * record pipeline; entries that failed before and are due are tried again, whether the feed
 * changed or answered 304. A failure's reason is kept on its entry. The feed's status,
 * validators and next poll (backing off after errors) are recorded either way.
 *
 * @example await pollFeed(deps, await getFeedRow(db, 1))
 */
export async function pollFeed(deps: PollDeps, feed: Row<'feeds'>): Promise<PollSummary> {
  const fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.last_modified });
  const counts = { ingested: 0, fromEntryText: 0, skipped: 0, failed: 0, retried: 0 };
  const failures: { entry: string; reason: string }[] = [];
  const count = (entry: FeedEntry, taken: Taken | null) => {
    if (taken === null) return void (counts.skipped += 1);
    counts[taken.status] += 1;
    if (taken.status === 'failed') failures.push({ entry: entry.url ?? entry.key, reason: taken.reason });
    else if (taken.fromEntryText) counts.fromEntryText += 1;
  };
  let result: PollResult;
  let entries = 0;
  if (fetched.status === 'ok') {
    let parsed;
    try {
      parsed = parseFeedDocument(fetched.body, fetched.url);
    } catch (error) {
      parsed = null;
      result = { kind: 'error', reason: `not an RSS or Atom feed: ${messageOf(error)}` };
    }
    if (parsed) {
      entries = parsed.entries.length;
      for (const entry of parsed.entries) count(entry, await takeNew(deps, feed, entry));
      result = {
        kind: 'ok',
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        title: parsed.title,
        ingested: 0,
      };
    }
  }
  result ??=
    fetched.status === 'error'
      ? { kind: 'error', reason: fetched.reason }
      : { kind: 'not_modified', ingested: 0 };
  for (const retry of await claimRetries(deps.db, {
    feedId: Number(feed.id),
    worker: deps.worker,
    now: deps.clock(),
  })) {
    counts.retried += 1;
    count(retry.entry, await take(deps, feed, retry.id, retry.entry));
  }
  if (result.kind !== 'error') result = { ...result, ingested: counts.ingested };
  await recordPoll(deps.db, feed, result, deps.clock());
  return {
    feedId: Number(feed.id),
    status: result.kind,
    entries,
    ...counts,
    failures,
    ...(result.kind === 'error' ? { error: result.reason } : {}),
  };
}

async function takeNew(deps: PollDeps, feed: Row<'feeds'>, entry: FeedEntry): Promise<Taken | null> {
  const claim = await claimEntry(deps.db, {
    feedId: Number(feed.id),
    key: entry.key,
    url: entry.url,
    worker: deps.worker,
    now: deps.clock(),
  });
  return claim === null ? null : take(deps, feed, claim, entry);
}

/** Ingests one claimed entry and records what became of it on its feed item. */
async function take(deps: PollDeps, feed: Row<'feeds'>, claim: number, entry: FeedEntry): Promise<Taken> {
  const fail = async (reason: string, retry: boolean): Promise<Taken> => {
    await failEntry(deps.db, claim, { entry, reason, retry, now: deps.clock() });
    return { status: 'failed', reason };
  };
  const item = await itemOf(entry, deps.clock);
  if (!item.ok) return fail(item.reason, true);
  let outcome;
  try {
    outcome = await ingestItem({ ...deps.ingest, db: deps.db, actor: `feed:${feed.id}` }, item.item, {
      published: entry.published,
    });
  } catch (error) {
    return fail(`cannot ingest: ${messageOf(error)}`, true);
  }
  // The same bytes give the same failure: not tried again.
  if (outcome.status === 'failed') return fail(`cannot ingest: ${outcome.reason}`, false);
  const note = item.articleFailure ? ` (from the entry's own text; article: ${item.articleFailure})` : '';
  await finishEntry(deps.db, claim, {
    state: 'ingested',
    sourceId: outcome.sourceId,
    outcome: `${outcome.status}${note}`,
  });
  return {
    status: outcome.status === 'duplicate' ? 'skipped' : 'ingested',
    fromEntryText: item.articleFailure !== null,
  };
}

type ItemOf =
  | { readonly ok: true; readonly item: IngestItem; readonly articleFailure: string | null }
  | { readonly ok: false; readonly reason: string };

/** The entry's article when it links one that can be fetched; else the entry's own text. */
async function itemOf(entry: FeedEntry, clock: () => Date): Promise<ItemOf> {
  let articleFailure: string | null = null;
  if (entry.url) {
    const input = await readInput(entry.url, clock);
    if (input.ok) return { ok: true, item: input.item, articleFailure: null };
    articleFailure = input.reason;
  }
  if (!entry.content?.trim())
    return {
      ok: false,
      reason: articleFailure
        ? `article: ${articleFailure}; the entry has no text`
        : 'the entry has neither a link nor text',
    };
  const html = `<html><head><title>${escapeHtml(entry.title ?? '')}</title></head><body>${entry.content}</body></html>`;
  return {
    ok: true,
    articleFailure,
    item: {
      label: entry.key,
      bytes: new TextEncoder().encode(html),
      contentType: 'text/html; charset=utf-8',
      retrievedAt: clock().toISOString(),
    },
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
