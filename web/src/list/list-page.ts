import { getJson } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery, type Filters } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { hrefOf, navigate } from '../router.js';
import type { Incident, IncidentPage } from '../types.js';
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
    const page = await getJson<IncidentPage>('/incidents', {
      ...filters,
      limit: PAGE_SIZE,
      ...position(location.query),
    });
    main.append(
      h('h1', {}, t('list.title')),
      filterForm(filters, (next) => navigate('/list', filtersToQuery(next))),
      unlocatedOnly(filters) ?? '',
      h(
        'p',
        { 'aria-live': 'polite' },
        page.totalCapped
          ? t('list.matchesMore', { count: page.total })
          : t('list.matches', { count: page.total }),
      ),
      incidentTable(page.items),
      pager(location.query, page),
    );
  },
};

/** Where the page starts: after or before a cursor the previous page gave, or an offset. */
function position(query: URLSearchParams): Record<string, string | number> {
  const after = query.get('after');
  const before = query.get('before');
  if (after) return { after };
  if (before) return { before };
  return { offset: Math.max(0, Number(query.get('offset') ?? 0) || 0) };
}

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

function pager(query: URLSearchParams, page: IncidentPage): HTMLElement {
  const link = (label: string, name: 'after' | 'before', cursor: string) => {
    const next = new URLSearchParams(query);
    for (const n of ['after', 'before', 'offset']) next.delete(n);
    next.set(name, cursor);
    return h('a', { href: hrefOf('/list', next), rel: name === 'after' ? 'next' : 'prev' }, label);
  };
  const range = {
    first: page.items.length === 0 ? 0 : page.offset + 1,
    last: page.offset + page.items.length,
    total: page.total,
  };
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('list.pages') },
    page.prevCursor ? link(t('list.previous'), 'before', page.prevCursor) : null,
    ` ${page.totalCapped ? t('list.rangeMore', range) : t('list.range', range)} `,
    page.nextCursor ? link(t('list.next'), 'after', page.nextCursor) : null,
  );
}
