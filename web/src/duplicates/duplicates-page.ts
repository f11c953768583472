import * as L from 'leaflet';
import { getJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { hasRole } from '../session.js';
import { h } from '../ui/dom.js';
import { errorBox } from '../ui/layout.js';
import { removeMap } from '../map/basemap.js';
import { duplicateCard, type Action } from './duplicate-card.js';
import type { DuplicateSuggestion, SuggestionStatus } from './duplicate-types.js';
import { drawPairMap } from './pair-map.js';

const STATUSES: readonly SuggestionStatus[] = ['open', 'merged', 'dismissed'];
let flash = '';

/** The duplicates queue: pairs the merge scored between "new incident" and "join", for an analyst. */
export const duplicatesPage: PageModule = {
  title: 'Possible duplicates',
  async render(main, location) {
    main.append(h('h1', {}, 'Possible duplicates'));
    if (!hasRole('admin', 'analyst')) {
      main.append(errorBox('Only analysts can review duplicates. '), h('a', { href: '#/login' }, 'Sign in'));
      return;
    }
    const status = STATUSES.find((s) => s === location.query.get('status')) ?? 'open';
    const page = await getJson<{ items: DuplicateSuggestion[]; total: number }>('/duplicates', {
      status,
      limit: 100,
    });
    const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' }, flash);
    flash = '';
    main.append(
      notice,
      h(
        'nav',
        { 'aria-label': 'Suggestion status' },
        ...STATUSES.map((s) =>
          h(
            'a',
            { href: `#/duplicates?status=${s}`, 'aria-current': s === status ? 'page' : null, class: 'tab' },
            s,
          ),
        ),
      ),
      h('p', {}, `${page.total} ${status}.`),
      page.items.length === 0
        ? h('p', {}, 'No suggestions here.')
        : h('ol', { class: 'queue' }, ...page.items.map((s) => h('li', {}, duplicateCard(s, done)))),
    );
    return drawMapsWhenSeen(main, page.items);
  },
};

/** After an answer, the queue the pair moved to: an undo is one click away from a merge. */
function done(message: string, action: Action): void {
  flash = message;
  navigate('/duplicates', new URLSearchParams({ status: action === 'merge' ? 'merged' : 'open' }));
}

/**
 * The cards' small maps, each drawn when its card scrolls into view (a queue of a hundred pairs
 * does not draw a hundred maps up front), and all taken down with the page.
 */
function drawMapsWhenSeen(main: HTMLElement, items: readonly DuplicateSuggestion[]): () => void {
  const maps: L.Map[] = [];
  const byId = new Map(items.map((s) => [String(s.id), s] as const));
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const box = entry.target as HTMLElement;
      observer.unobserve(box);
      const s = byId.get(box.dataset.pairMap ?? '');
      if (s) maps.push(drawPairMap(box, s));
    }
  });
  main.querySelectorAll<HTMLElement>('[data-pair-map]').forEach((box) => observer.observe(box));
  return () => {
    observer.disconnect();
    maps.forEach(removeMap);
  };
}
