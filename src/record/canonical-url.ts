/**
 * The canonical form of a page's URL, so the same article reached through tracking links or a
 * trailing slash is recognised: lower-case host, no fragment, no tracking parameters, sorted query.
 *
 * @example canonicalUrl('https://News.example/a/?utm_source=x&b=2&a=1#top') === 'https://news.example/a?a=1&b=2'
 */
export function canonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  const kept = [...parsed.searchParams.entries()]
    .filter(([key]) => !/^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$)/i.test(key))
    .sort(([a], [b]) => a.localeCompare(b));
  parsed.search = new URLSearchParams(kept).toString();
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/'))
    parsed.pathname = parsed.pathname.slice(0, -1);
  return parsed.toString();
}
