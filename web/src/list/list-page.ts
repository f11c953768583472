import { getJson } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { hrefOf, navigate } from '../router.js';
import type { Incident, Page } from '../types.js';
import { h, words } from '../ui/dom.js';
import { kindLabel, NO_DATE } from '../ui/labels.js';

const PAGE_SIZE = 50;

/** The incidents as a paged list, with the same filters as the map and the timeline. */
export const listPage: PageModule = {
  title: 'Incidents',
  async render(main, location) {
    const filters = filtersFrom(location.query);
    const offset = Math.max(0, Number(location.query.get('offset') ?? 0) || 0);
    const page = await getJson<Page<Incident>>('/incidents', { ...filters, limit: PAGE_SIZE, offset });
    main.append(
      h('h1', {}, 'Incidents'),
      filterForm(filters, (next) => navigate('/list', filtersToQuery(next))),
      h(
        'p',
        { 'aria-live': 'polite' },
        page.total === 1 ? '1 incident matches.' : `${page.total} incidents match.`,
      ),
      incidentTable(page.items),
      pager(location.query, offset, page.total),
    );
  },
};

export function incidentTable(items: readonly Incident[]): HTMLElement {
  if (items.length === 0) return h('p', {}, 'No incidents.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'incidents' },
      h('caption', { class: 'visually-hidden' }, 'Incidents'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Date', 'Incident', 'Kind', 'Place', 'Status'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        ...items.map((i) =>
          h(
            'tr',
            {},
            h('td', {}, i.dateStart ?? NO_DATE),
            h('td', {}, h('a', { href: `#/incidents/${i.id}` }, i.title)),
            h('td', {}, kindLabel(i.kind)),
            h('td', {}, i.placeName ?? '—'),
            h('td', {}, h('span', { class: `status status-${i.status}` }, words(i.status))),
          ),
        ),
      ),
    ),
  );
}

function pager(query: URLSearchParams, offset: number, total: number): HTMLElement {
  const link = (label: string, at: number) => {
    const next = new URLSearchParams(query);
    next.set('offset', String(at));
    return h('a', { href: hrefOf('/list', next) }, label);
  };
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? link('Previous', Math.max(0, offset - PAGE_SIZE)) : null,
    ` ${offset + 1}–${Math.min(total, offset + PAGE_SIZE)} of ${total} `,
    offset + PAGE_SIZE < total ? link('Next', offset + PAGE_SIZE) : null,
  );
}
