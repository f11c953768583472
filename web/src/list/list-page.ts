import { getJson } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery, type Filters } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { hrefOf, navigate } from '../router.js';
import type { Incident, Page } from '../types.js';
import { formatDay, t } from '../i18n/i18n.js';
import { h } from '../ui/dom.js';
import { datesText, kindLabel, statusLabel } from '../ui/labels.js';

const PAGE_SIZE = 50;

/** The incidents as a paged list, with the same filters as the map and the timeline. */
export const listPage: PageModule = {
  get title() {
    return t('list.title');
  },
  async render(main, location) {
    const filters = filtersFrom(location.query);
    const offset = Math.max(0, Number(location.query.get('offset') ?? 0) || 0);
    const page = await getJson<Page<Incident>>('/incidents', { ...filters, limit: PAGE_SIZE, offset });
    main.append(
      h('h1', {}, t('list.title')),
      filterForm(filters, (next) => navigate('/list', filtersToQuery(next))),
      unlocatedOnly(filters) ?? '',
      h('p', { 'aria-live': 'polite' }, t('list.matches', { count: page.total })),
      incidentTable(page.items),
      pager(location.query, offset, page.total),
    );
  },
};

/** With `located=no` (the map's note links here), the list says so and offers everything again. */
function unlocatedOnly(filters: Filters): HTMLElement | null {
  if (filters.located !== 'no') return null;
  return h(
    'p',
    { class: 'list-located' },
    `${t('list.onlyUnlocated')} `,
    h('a', { href: hrefOf('/list', filtersToQuery({ ...filters, located: '' })) }, t('list.showAll')),
  );
}

export function incidentTable(items: readonly Incident[]): HTMLElement {
  if (items.length === 0) return h('p', {}, t('list.none'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'incidents' },
      h('caption', { class: 'visually-hidden' }, t('list.title')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[t('list.date'), t('list.incident'), t('list.kind'), t('list.place'), t('list.status')].map(
            (c) => h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...items.map((i) =>
          h(
            'tr',
            {},
            h('td', {}, i.dateStart === null ? datesText(i) : formatDay(i.dateStart)),
            h('td', {}, h('a', { href: `#/incidents/${i.id}` }, i.title)),
            h('td', {}, kindLabel(i.kind)),
            h('td', {}, i.placeName ?? '—'),
            h('td', {}, h('span', { class: `status status-${i.status}` }, statusLabel(i.status))),
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
    { class: 'pager', 'aria-label': t('list.pages') },
    offset > 0 ? link(t('list.previous'), Math.max(0, offset - PAGE_SIZE)) : null,
    ` ${t('list.range', { first: offset + 1, last: Math.min(total, offset + PAGE_SIZE), total })} `,
    offset + PAGE_SIZE < total ? link(t('list.next'), offset + PAGE_SIZE) : null,
  );
}
