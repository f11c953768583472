import { getJson } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { hasRole } from '../session.js';
import type { Incident, Page } from '../types.js';
import { h } from '../ui/dom.js';
import { errorBox } from '../ui/layout.js';
import { reviewCard } from './review-card.js';

let flash = '';

/** The analysts' queue: candidates and incidents under review, oldest first, with their actions. */
export const reviewPage: PageModule = {
  title: 'Review queue',
  async render(main, location) {
    main.append(h('h1', {}, 'Review queue'));
    if (!hasRole('admin', 'analyst')) {
      main.append(errorBox('Only analysts can review incidents. '), h('a', { href: '#/login' }, 'Sign in'));
      return;
    }
    const filters = filtersFrom(location.query);
    const page = await getJson<Page<Incident>>('/review-queue', { ...filters, limit: 100 });
    const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' }, flash);
    flash = '';
    main.append(
      notice,
      filterForm(filters, (next) => navigate('/review', filtersToQuery(next))),
      h('p', {}, `${page.total} waiting.`),
      page.items.length === 0
        ? h('p', {}, 'Nothing to review.')
        : h(
            'ol',
            { class: 'queue' },
            ...page.items.map((incident) =>
              h(
                'li',
                {},
                reviewCard(incident, (message) => done(message)),
              ),
            ),
          ),
    );
  },
};

function done(message: string): void {
  flash = message;
  navigate('/review', new URLSearchParams(window.location.hash.split('?')[1] ?? ''));
}
