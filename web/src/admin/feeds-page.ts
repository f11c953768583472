import { getJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { hasRole } from '../session.js';
import type { Page } from '../types.js';
import { h, num, section } from '../ui/dom.js';
import { errorBox } from '../ui/layout.js';

/** A feed as `GET /api/feeds` gives it (docs/api.md): polling status and the entries that failed. */
interface FeedFailure {
  readonly key: string;
  readonly url: string | null;
  readonly reason: string;
  readonly attempts: number;
  readonly retryAt: string | null;
}

interface Feed {
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
  readonly entriesFailed: number;
  readonly failures: readonly FeedFailure[];
}

/** The admins' view of the news feeds: how each last poll went and why entries failed. */
export const feedsPage: PageModule = {
  title: 'Feeds',
  async render(main) {
    main.append(h('h1', {}, 'Feeds'));
    if (!hasRole('admin')) {
      main.append(errorBox('Only admins can see the feeds. '), h('a', { href: '#/login' }, 'Sign in'));
      return;
    }
    const feeds = await getJson<Page<Feed>>('/feeds');
    if (feeds.items.length === 0) {
      main.append(h('p', {}, 'No feed is registered (truce feed add URL).'));
      return;
    }
    main.append(h('p', {}, `${feeds.total} feed(s).`), ...feeds.items.map(feedCard));
  },
};

const when = (iso: string | null) => (iso === null ? 'never' : iso.replace('T', ' ').slice(0, 16));

function feedCard(feed: Feed): HTMLElement {
  const last = feed.lastError
    ? h(
        'p',
        { class: 'error' },
        `Last poll failed: ${feed.lastError} (${num(feed.consecutiveFailures)} in a row)`,
      )
    : h('p', {}, `Last poll: ${feed.lastStatus ?? 'not yet'}`);
  return section(
    feed.title ?? feed.url,
    h('p', {}, h('a', { href: feed.url, rel: 'noreferrer' }, feed.url)),
    h(
      'p',
      {},
      `Every ${feed.every}${feed.enabled ? '' : ' (disabled)'} · last polled ${when(feed.lastPolledAt)} · next ${when(feed.nextPollAt)} · ${num(feed.itemsIngested)} ingested · ${num(feed.entriesFailed)} failed`,
    ),
    last,
    feed.failures.length > 0 ? failureTable(feed.failures) : null,
  );
}

function failureTable(failures: readonly FeedFailure[]): HTMLElement {
  const row = (f: FeedFailure) =>
    h(
      'tr',
      {},
      h('td', {}, f.url ?? f.key),
      h('td', {}, f.reason),
      h('td', {}, num(f.attempts)),
      h('td', {}, f.retryAt === null ? 'not again' : when(f.retryAt)),
    );
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', {}, 'Entries that could not be ingested, latest first'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Entry'),
          h('th', { scope: 'col' }, 'Why it failed'),
          h('th', { scope: 'col' }, 'Attempts'),
          h('th', { scope: 'col' }, 'Next try'),
        ),
      ),
      h('tbody', {}, ...failures.map(row)),
    ),
  );
}
