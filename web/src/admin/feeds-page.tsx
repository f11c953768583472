import { useState } from 'preact/hooks';
import { getJson, postJson } from '../api-client.js';
import type { Page } from '../types.js';
import { num } from '../ui/dom.js';
import type { Feed, FeedFailure, IngestedUrl } from './admin-types.js';
import { LoadError, OutcomeText, gatedPage, useAction, when } from './parts.js';
import { useLoad } from '../ui/use-load.js';

/** The admins' feeds: add one, pause and resume, each one's status and failed entries, ingest a URL now. */

function AddFeed({ onAdded }: { onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [every, setEvery] = useState('15m');
  const act = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void act
      .run(
        () => postJson<Feed>('/feeds', { url: url.trim(), every: every.trim() }),
        (f) => `Feed ${f.url} added, polled every ${f.every}.`,
      )
      .then((added) => {
        if (!added) return;
        setUrl('');
        onAdded();
      });
  };
  return (
    <form class="card admin-form" onSubmit={submit} aria-labelledby="add-feed-title">
      <h2 id="add-feed-title">Add a feed</h2>
      <div class="field">
        <label for="feed-url">Feed URL (RSS or Atom)</label>
        <input id="feed-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="feed-every">Poll every</label>
        <input
          id="feed-every"
          required
          aria-describedby="feed-every-hint"
          value={every}
          onInput={(e) => setEvery(e.currentTarget.value)}
        />
        <p class="hint" id="feed-every-hint">
          For example 90s, 15m, 2h or 1d.
        </p>
      </div>
      <button type="submit" disabled={act.busy}>
        Add feed
      </button>
      <OutcomeText outcome={act.outcome} />
    </form>
  );
}

const ingestedText = (o: IngestedUrl): string =>
  o.status === 'duplicate'
    ? `Already in the record (source ${o.sourceId}): ${o.reason}.`
    : `Ingested${o.status === 'version' ? ' as a new version' : ''}: source ${o.sourceId}, ${o.reports ?? 0} ${o.reports === 1 ? 'report' : 'reports'}, ${o.opened ?? 0} new ${o.opened === 1 ? 'incident' : 'incidents'} in the review queue, ${o.joined ?? 0} joined existing ones.`;

function IngestUrl() {
  const [url, setUrl] = useState('');
  const act = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void act.run(() => postJson<IngestedUrl>('/ingest', { url: url.trim() }), ingestedText);
  };
  return (
    <form class="card admin-form" onSubmit={submit} aria-labelledby="ingest-title">
      <h2 id="ingest-title">Ingest a URL now</h2>
      <div class="field">
        <label for="ingest-url">Article URL</label>
        <input
          id="ingest-url"
          type="url"
          required
          aria-describedby="ingest-hint"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <p class="hint" id="ingest-hint">
          Fetched now as <code>truce ingest URL</code> would; local and private addresses are refused unless
          allowed.
        </p>
      </div>
      <button type="submit" disabled={act.busy}>
        {act.busy ? 'Ingesting…' : 'Ingest'}
      </button>
      <OutcomeText outcome={act.outcome} />
    </form>
  );
}

function FailureTable({ failures }: { failures: readonly FeedFailure[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>Entries that could not be ingested, latest first</caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Why it failed</th>
            <th scope="col">Attempts</th>
            <th scope="col">Next try</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((f) => (
            <tr key={f.key}>
              <td>{f.url ?? f.key}</td>
              <td>{f.reason}</td>
              <td>{num(f.attempts)}</td>
              <td>{f.retryAt === null ? 'not again' : when(f.retryAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FeedCard({ initial }: { initial: Feed }) {
  const [feed, setFeed] = useState(initial);
  const act = useAction();
  const toggle = () =>
    void act
      .run(
        () => postJson<Feed>(`/feeds/${feed.id}/${feed.enabled ? 'pause' : 'resume'}`, {}),
        (f) =>
          f.enabled ? 'Resumed: it will be polled at once.' : 'Paused: it is not polled until resumed.',
      )
      .then((next) => next && setFeed(next));
  const name = feed.title ?? feed.url;
  return (
    <section class="card">
      <h2>{name}</h2>
      {feed.title ? (
        <p>
          <a href={feed.url} rel="noreferrer">
            {feed.url}
          </a>
        </p>
      ) : null}
      <p>
        {feed.enabled ? (
          <span class="status">polling</span>
        ) : (
          <span class="status status-paused">paused</span>
        )}{' '}
        · every {feed.every} · last polled {when(feed.lastPolledAt)} · next{' '}
        {feed.enabled ? when(feed.nextPollAt) : 'when resumed'} · {num(feed.itemsIngested)} ingested ·{' '}
        {num(feed.entriesFailed)} failed
      </p>
      {feed.lastError ? (
        <p class="error">
          Last poll failed: {feed.lastError} ({num(feed.consecutiveFailures)} in a row)
        </p>
      ) : (
        <p>Last poll: {feed.lastStatus ?? 'not yet'}</p>
      )}
      {feed.failures.length > 0 ? <FailureTable failures={feed.failures} /> : null}
      {feed.entriesFailed > feed.failures.length ? (
        <p class="hint">… and {num(feed.entriesFailed - feed.failures.length)} more failed entries.</p>
      ) : null}
      <button type="button" class="secondary" disabled={act.busy} onClick={toggle}>
        {feed.enabled ? `Pause ${name}` : `Resume ${name}`}
      </button>
      <OutcomeText outcome={act.outcome} />
    </section>
  );
}

const loadFeeds = () => getJson<Page<Feed>>('/feeds');

function Feeds({ initial }: { readonly initial: Page<Feed> }) {
  const feeds = useLoad(loadFeeds, { initial });
  return (
    <>
      {feeds.error ? <LoadError what="The feeds" error={feeds.error} retry={feeds.reload} /> : null}
      {feeds.value ? (
        feeds.value.items.length === 0 ? (
          <p>No feed is registered yet.</p>
        ) : (
          <>
            <p>
              {feeds.value.total} {feeds.value.total === 1 ? 'feed' : 'feeds'}.
            </p>
            {feeds.value.items.map((f) => (
              <FeedCard key={`${f.id}-${f.enabled}-${f.lastPolledAt ?? ''}`} initial={f} />
            ))}
          </>
        )
      ) : feeds.error ? null : (
        <p class="loading" role="status">
          Loading the feeds…
        </p>
      )}
      <AddFeed onAdded={feeds.reload} />
      <IngestUrl />
    </>
  );
}

export const feedsPage = gatedPage('Feeds', ['admin'], loadFeeds, Feeds);
