/**
 * Hash routes (`#/incidents/12?kind=shelling`): the server only serves one page, and the
 * filters live in the URL so a view can be bookmarked and shared.
 */
export interface Location {
  readonly path: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

export function currentLocation(): Location {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  return { path, segments: path.split('/').filter(Boolean), query: new URLSearchParams(search) };
}

/**
 * The hash for a path and query, leaving out empty parameters. The language the URL names
 * (`lang`) is kept across navigation unless the query sets its own.
 */
export function hrefOf(path: string, query: URLSearchParams = new URLSearchParams()): string {
  const kept = new URLSearchParams();
  for (const [name, value] of query) if (value) kept.append(name, value);
  const lang = currentLocation().query.get('lang');
  if (lang && !kept.has('lang')) kept.set('lang', lang);
  const qs = kept.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(path: string, query?: URLSearchParams): void {
  const next = hrefOf(path, query);
  if (window.location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = next;
}

/** Changes the query without re-rendering the page (the page already shows it). */
export function replaceQuery(query: URLSearchParams): void {
  history.replaceState(null, '', hrefOf(currentLocation().path, query));
}
