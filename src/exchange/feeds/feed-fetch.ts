/** What a conditional GET of a feed gave. */
export type FeedFetch =
  | { readonly status: 'not_modified' }
  | {
      readonly status: 'ok';
      readonly body: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly status: 'error'; readonly reason: string };

const TIMEOUT_MS = 20_000;
const MAX_FEED_BYTES = 5 * 1024 * 1024;

/**
 * Fetches a feed with `If-None-Match` / `If-Modified-Since` from the last answer, so an unchanged
 * feed costs a 304 and no parsing. Failures are values, never throws.
 *
 * @example await fetchFeed('https://example.org/feed.xml', { etag: '"v3"', lastModified: null })
 */
export async function fetchFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await fetch(url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 304) return { status: 'not_modified' };
    if (!response.ok) return { status: 'error', reason: `HTTP ${response.status} ${response.statusText}` };
    const declared = Number(response.headers.get('content-length') ?? 0);
    const body = declared > MAX_FEED_BYTES ? null : await response.text();
    if (body === null || body.length > MAX_FEED_BYTES)
      return { status: 'error', reason: `feed larger than ${MAX_FEED_BYTES} bytes` };
    return {
      status: 'ok',
      body,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      status: 'error',
      reason: timedOut
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : `cannot fetch: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
