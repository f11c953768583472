import { getJson } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { hrefOf, navigate } from '../router.js';
import { append, h, words } from '../ui/dom.js';
import { kindLabel } from '../ui/labels.js';
import type { SearchHit, SearchPage, SnippetPart } from './search-types.js';

const PAGE_SIZE = 20;
const TYPES = [
  ['', 'Everything'],
  ['incident', 'Incidents'],
  ['source', 'Sources'],
  ['statement', 'Statements'],
] as const;
const TYPE_LABEL: Readonly<Record<SearchHit['type'], string>> = {
  incident: 'Incident',
  source: 'Source',
  statement: 'Statement',
};

/** Full-text search of the record: the words, which kind of hit, the incident filters; hits with their snippets. */
export const searchPage: PageModule = {
  title: 'Search',
  async render(main, location) {
    const q = location.query.get('q')?.trim() ?? '';
    const type = location.query.get('type') ?? '';
    const filters = filtersFrom(location.query);
    const offset = Math.max(0, Number(location.query.get('offset') ?? 0) || 0);
    const queryWith = (changes: Record<string, string>) => {
      const next = filtersToQuery(filters);
      for (const [name, value] of Object.entries({ q, type, ...changes })) if (value) next.set(name, value);
      return next;
    };
    main.append(
      h('h1', {}, 'Search'),
      wordsForm(q, type, (next) => navigate('/search', queryWith({ ...next, offset: '' }))),
      filterForm(filters, (next) => {
        const query = filtersToQuery(next);
        if (q) query.set('q', q);
        if (type) query.set('type', type);
        navigate('/search', query);
      }),
    );
    if (!q) {
      main.append(
        h(
          'p',
          {},
          'Type words to find, "a phrase" in quotes, a prefix with * (ceasefi*), or -word to leave out.',
        ),
      );
      return;
    }
    const page = await getJson<SearchPage>('/search', { q, type, ...filters, limit: PAGE_SIZE, offset });
    append(
      main,
      h('p', { 'aria-live': 'polite' }, summaryOf(page)),
      page.items.length === 0
        ? null
        : h('ol', { class: 'search-hits', start: offset + 1 }, ...page.items.map(hitItem)),
      pager(page, (at) => hrefOf('/search', queryWith({ offset: at > 0 ? String(at) : '' }))),
    );
  },
};

function wordsForm(q: string, type: string, onSubmit: (next: { q: string; type: string }) => void) {
  const input = h('input', {
    id: 'search-q',
    name: 'q',
    type: 'search',
    value: q,
    maxlength: 300,
    required: true,
  });
  const select = h('select', { id: 'search-type', name: 'type' });
  for (const [value, label] of TYPES) {
    const option = h('option', { value }, label);
    if (value === type) option.selected = true;
    select.append(option);
  }
  const form = h(
    'form',
    { class: 'filters search-words', role: 'search', 'aria-label': 'Search' },
    h('div', { class: 'field' }, h('label', { for: 'search-q' }, 'Words'), input),
    h('div', { class: 'field' }, h('label', { for: 'search-type' }, 'Find'), select),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit({ q: input.value.trim(), type: select.value });
  });
  return form;
}

function summaryOf(page: SearchPage): string {
  if (page.items.length === 0) return page.offset > 0 ? 'No more hits.' : 'Nothing found.';
  if (page.offset === 0 && !page.more)
    return page.items.length === 1 ? '1 hit.' : `${page.items.length} hits.`;
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  return `Hits ${first} to ${last}${page.more ? ', more follow' : ''}.`;
}

/** A snippet as text nodes and <mark> elements: data is never parsed as markup. */
export function snippetNode(parts: readonly SnippetPart[]): HTMLElement {
  const p = h('p', { class: 'snippet' });
  for (const part of parts)
    p.append(part.mark ? h('mark', {}, part.text) : document.createTextNode(part.text));
  return p;
}

function hitItem(hit: SearchHit): HTMLElement {
  const incident = hit.incident;
  const heading = incident
    ? h(
        'a',
        { href: `#/incidents/${incident.id}` },
        hit.type === 'incident' ? incident.title : (hit.title ?? incident.title),
      )
    : h('span', {}, hit.title ?? `${TYPE_LABEL[hit.type]} ${hit.id}`);
  return h(
    'li',
    { class: `search-hit search-hit-${hit.type}` },
    h(
      'p',
      { class: 'search-hit-title' },
      h('span', { class: 'search-hit-type' }, `${TYPE_LABEL[hit.type]}: `),
      heading,
    ),
    snippetNode(hit.snippet),
    incident
      ? h(
          'p',
          { class: 'meta' },
          hit.type === 'incident' ? '' : `Incident: ${incident.title} · `,
          `${incident.dateStart ?? 'date unknown'} · ${kindLabel(incident.kind)} · ${words(incident.status)}`,
        )
      : h('p', { class: 'meta' }, 'Not yet linked to an incident'),
  );
}

function pager(page: SearchPage, hrefAt: (offset: number) => string): HTMLElement | null {
  if (page.offset === 0 && !page.more) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    page.offset > 0 ? h('a', { href: hrefAt(Math.max(0, page.offset - page.limit)) }, 'Previous') : null,
    ' ',
    page.more ? h('a', { href: hrefAt(page.offset + page.limit) }, 'Next') : null,
  );
}
