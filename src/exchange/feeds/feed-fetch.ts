import { fetchFailure } from '../../record/ingest-io.js';
import { safeFetch, type SafeFetchOptions } from '../../record/safe-fetch-io.js';
import { decodeFeed } from './feed-decode.js';

/** What a conditional GET of a feed gave. */
export type FeedFetch =
  | { readonly status: 'not_modified' }
  | {
      readonly status: 'ok';
      readonly body: string;
      /** The URL that answered, after redirects: relative entry links resolve against it. */
      readonly url: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly status: 'error'; readonly reason: string };

const TIMEOUT_MS = 20_000;
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/**
 * Fetches a feed with `If-None-Match` / `If-Modified-Since` from the last answer, so an unchanged
 * feed costs a 304 and no parsing. The body is streamed and dropped as soon as it passes the size
 * limit; it is decoded by its byte-order mark, HTTP charset or XML declaration. Addresses the
 * fetch policy refuses (loopback, private, metadata…) are refused at every redirect hop. Failures
 * are values, never throws.
 *
 * @example await fetchFeed('https://example.org/feed.xml', { etag: '"v3"', lastModified: null })
 */
export async function fetchFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  options: Pick<SafeFetchOptions, 'policy'> = {},
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await safeFetch(url, { headers, timeoutMs: TIMEOUT_MS, ...options });
    if (response.status === 304) {
      response.discard();
      return { status: 'not_modified' };
    }
    if (response.status < 200 || response.status > 299) {
      response.discard();
      return { status: 'error', reason: `HTTP ${response.status} ${response.statusText}` };
    }
    const bytes = await response.readBody(MAX_FEED_BYTES);
    if (bytes === null) return { status: 'error', reason: `feed larger than ${MAX_FEED_BYTES} bytes` };
    const decoded = decodeFeed(bytes, response.header('content-type'));
    if (!decoded.ok) return { status: 'error', reason: `feed has ${decoded.reason}` };
    return {
      status: 'ok',
      body: decoded.text,
      url: response.url,
      etag: response.header('etag'),
      lastModified: response.header('last-modified'),
    };
  } catch (error) {
    return { status: 'error', reason: fetchFailure(error, TIMEOUT_MS) };
  }
}
