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
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom document with a real feed parser. Relative links are
 * resolved against `xml:base` (of the entry, its parents, the document) and the feed's own URL.
 * An entry's key is its guid or id, else its link, else a hash of its title and content.
 *
 * @example parseFeedDocument('<rss version="2.0"><channel>…</channel></rss>', 'https://example.org/rss').entries[0]?.url
 */
export function parseFeedDocument(xml: string, feedUrl?: string): ParsedFeed {
  const feed = parseFeed(feedUrl ? withBase(xml, feedUrl) : xml);
  return {
    title: feed.title,
    entries: feed.items.map((item) => {
      const content = item.content ?? item.description;
      const url = absolute(item.url, feedUrl);
      return {
        key: item.id ?? url ?? `sha256:${hash(`${item.title ?? ''}\u0000${content ?? ''}`)}`,
        url,
        title: item.title,
        published: (item.published ?? item.updated)?.toISOString().slice(0, 10) ?? null,
        content,
      };
    }),
  };
}

const ROOT = /<(rss|feed|rdf:RDF)\b([^<>]{0,4000})>/;
const BASE = /\sxml:base\s*=\s*(["'])([^"'<>]{0,2000})\1/;

/**
 * The document with the feed's URL as the `xml:base` of its root element (a base the root
 * already declares is resolved against it), so the parser resolves every relative link.
 */
function withBase(xml: string, feedUrl: string): string {
  const root = ROOT.exec(xml);
  if (!root) return xml;
  const attributes = root[2] ?? '';
  const declared = BASE.exec(attributes);
  const base = (declared ? absolute(declared[2] ?? '', feedUrl) : feedUrl) ?? feedUrl;
  const rest = declared ? attributes.replace(BASE, '') : attributes;
  const tag = `<${root[1] ?? 'feed'} xml:base="${escapeAttribute(base)}"${rest}>`;
  return xml.slice(0, root.index) + tag + xml.slice(root.index + root[0].length);
}

function absolute(url: string | null | undefined, base: string | undefined): string | null {
  if (!url) return null;
  try {
    const resolved = new URL(url, base);
    return /^https?:$/.test(resolved.protocol) ? resolved.toString() : null;
  } catch {
    return null;
  }
}

const escapeAttribute = (text: string) =>
  text.replace(/[&"<]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;' })[c] ?? c);

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
