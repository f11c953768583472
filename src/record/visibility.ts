import { publicActor } from '../audit/actor.js';
import type { IncidentDetail } from './incident-detail-store.js';

/**
 * Who may see which incident — the one rule every route applies (in SQL by
 * `visibility-store.ts`). Staff see everything; the public sees published incidents; a liaison
 * sees published incidents and every incident that names their party's code. Sources and
 * statements follow the incidents they support.
 */
export type Visibility =
  | { readonly kind: 'all' }
  | { readonly kind: 'published' }
  | { readonly kind: 'party'; readonly party: string };

/** The statuses the public record holds (defined with the vocabulary, which the web app reads). */
export { PUBLISHED_STATUSES } from '../vocabulary/index.js';

/**
 * A URL the caller may be shown: staff see every one; others see only http(s) links, never a
 * server's file path.
 *
 * @example shownUrl('file:///srv/in/a.html', { kind: 'published' }) // null
 */
export function shownUrl(url: string | null, visibility: Visibility): string | null {
  if (url === null || visibility.kind === 'all') return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

/**
 * An incident's detail as a caller outside the center sees it: the history says that a change
 * happened, what it was and when, with every identity shown as the monitoring center (the public
 * form stays "public") and no reviewer's reason; no file paths; no reason a report was split.
 *
 * @example detailFor(detail, { kind: 'published' }).history[0].actor // 'monitoring center'
 */
export function detailFor(detail: IncidentDetail, visibility: Visibility): IncidentDetail {
  if (visibility.kind === 'all') return detail;
  return {
    ...detail,
    reports: detail.reports.map((r) => ({
      ...r,
      source: r.source ? { ...r.source, url: shownUrl(r.source.url, visibility) } : null,
      merge: {
        ...r.merge,
        explanation: r.merge.explanation && 'split' in r.merge.explanation ? null : r.merge.explanation,
      },
    })),
    history: detail.history.map((h) => ({ ...h, actor: publicActor(h.actor), reason: null })),
  };
}
