import { createHash } from 'node:crypto';
import { parseFeed } from '@rowanmanning/feed-parser';

/** One entry of an RSS or Atom feed, keyed so that the same entry is recognised on every poll. */
export interface FeedEntry {
  readonly key: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly content: string | null;
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly entries: readonly FeedEntry[];
}

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom document with a real feed parser. An entry's key is its
 * guid or id, else its link, else a hash of its title and content.
 *
 * @example parseFeedDocument('<rss version="2.0"><channel>…</channel></rss>').entries[0]?.key
 */
export function parseFeedDocument(xml: string): ParsedFeed {
  const feed = parseFeed(xml);
  return {
    title: feed.title,
    entries: feed.items.map((item) => {
      const content = item.content ?? item.description;
      return {
        key: item.id ?? item.url ?? `sha256:${hash(`${item.title ?? ''}\u0000${content ?? ''}`)}`,
        url: item.url && /^https?:\/\//i.test(item.url) ? item.url : null,
        title: item.title,
        published: (item.published ?? item.updated)?.toISOString().slice(0, 10) ?? null,
        content,
      };
    }),
  };
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
