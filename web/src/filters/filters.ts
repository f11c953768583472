import { t } from '../i18n/i18n.js';
import { h } from '../ui/dom.js';
import { kindLabel, statusLabel } from '../ui/labels.js';
import { partyLabel, theatreParties } from '../ui/theatre.js';
import { hasRole } from '../session.js';
import { INCIDENT_KINDS, INCIDENT_STATUSES, PUBLISHED_STATUSES } from '../ui/vocabulary.js';

/** The incident filters shared by the map, the list and the timeline, read from and kept in the URL. */
export interface Filters {
  readonly kind: string;
  readonly status: string;
  readonly from: string;
  readonly to: string;
  readonly party: string;
  readonly place: string;
  /** `1`: only incidents no report dates; `0`: only dated ones; empty: both. */
  readonly undated: string;
  /** `no`: only incidents with no coordinates (the map's note links to them); `yes`: only placed ones. */
  readonly located: string;
}

export const FILTER_NAMES = ['kind', 'status', 'from', 'to', 'party', 'place', 'undated', 'located'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const datedLabel = (v: string) => (v === '1' ? t('filters.notStated') : v === '0' ? t('filters.stated') : v);
const locatedLabel = (v: string) =>
  v === 'no' ? t('filters.locatedNo') : v === 'yes' ? t('filters.locatedYes') : v;

export function filtersFrom(query: URLSearchParams): Filters {
  const read = (name: string) => query.get(name)?.trim() ?? '';
  return {
    kind: read('kind'),
    status: read('status'),
    from: read('from'),
    to: read('to'),
    party: read('party'),
    place: read('place'),
    undated: read('undated'),
    located: read('located'),
  };
}

export function filtersToQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) query.set(name, filters[name]);
  return query;
}

/**
 * The filter form; `onChange` gets the new filters when it is submitted. `omit`: fields a page
 * has no use for (the map draws only located incidents, so it offers no `located`).
 */
export function filterForm(
  filters: Filters,
  onChange: (next: Filters) => void,
  options: { readonly omit?: readonly FilterName[] } = {},
): HTMLFormElement {
  const offered = (name: FilterName, field: HTMLElement) => (options.omit?.includes(name) ? null : field);
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('filters.label') },
    selectField('kind', t('filters.kind'), INCIDENT_KINDS, filters.kind, kindLabel),
    selectField('status', t('filters.status'), statusesShown(filters.status), filters.status, statusLabel),
    inputField('from', t('filters.from'), 'date', filters.from),
    inputField('to', t('filters.to'), 'date', filters.to),
    selectField('party', t('filters.party'), partyCodes(filters.party), filters.party, partyLabel),
    inputField('place', t('filters.place'), 'text', filters.place),
    selectField('undated', t('filters.dateStated'), ['0', '1'], filters.undated, datedLabel),
    offered(
      'located',
      selectField('located', t('filters.located'), ['yes', 'no'], filters.located, locatedLabel),
    ),
    h('button', { type: 'submit' }, t('filters.apply')),
    h(
      'a',
      { href: '#' + window.location.hash.replace(/^#/, '').split('?')[0], class: 'clear' },
      t('filters.clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const read = (name: string) => String(data.get(name) ?? '').trim();
    if (!datesInOrder(form, read('from'), read('to'))) return;
    onChange({
      kind: read('kind'),
      status: read('status'),
      from: read('from'),
      to: read('to'),
      party: read('party'),
      place: read('place'),
      undated: read('undated'),
      located: read('located'),
    });
  });
  return form;
}

/** The public sees only published incidents, so it is offered only their statuses (the server refuses others). */
function statusesShown(current: string): readonly string[] {
  const statuses: readonly string[] = hasRole('public') ? PUBLISHED_STATUSES : INCIDENT_STATUSES;
  return current && !statuses.includes(current) ? [...statuses, current] : statuses;
}

/** The theatre's party codes, and the one in the URL when the theatre does not name it. */
function partyCodes(current: string): readonly string[] {
  const codes = theatreParties().map((p) => p.code);
  return current && !codes.includes(current) ? [...codes, current] : codes;
}

function selectField(
  name: string,
  label: string,
  options: readonly string[],
  value: string,
  show: (option: string) => string,
): HTMLElement {
  const select = h('select', { id: `filter-${name}`, name }, h('option', { value: '' }, t('filters.any')));
  for (const option of options) {
    select.append(h('option', { value: option, selected: option === value }, show(option)));
  }
  return h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, label), select);
}

function inputField(name: string, label: string, type: string, value: string): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: `filter-${name}` }, label),
    h('input', { id: `filter-${name}`, name, type, value, 'aria-describedby': `filter-${name}-error` }),
    h('p', { class: 'error', id: `filter-${name}-error` }),
  );
}

/** "To" before "From" matches nothing: said next to "To", and the filters are not applied. */
function datesInOrder(form: HTMLFormElement, from: string, to: string): boolean {
  const input = form.querySelector<HTMLInputElement>('#filter-to');
  const error = form.querySelector('#filter-to-error');
  const wrong = from !== '' && to !== '' && to < from;
  if (error) error.textContent = wrong ? t('filters.toBeforeFrom') : '';
  if (wrong) {
    input?.setAttribute('aria-invalid', 'true');
    input?.focus();
  } else input?.removeAttribute('aria-invalid');
  return !wrong;
}
