import { getJson, messageOf, postJson } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery, type Filters } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { hasRole } from '../session.js';
import { append, h, replace } from '../ui/dom.js';
import { errorBox } from '../ui/layout.js';
import { confirmAction } from './confirm.js';
import { doneNotice } from './perform.js';
import { walkBack, type Done } from './review-actions.js';
import type { IncidentStatus } from '../ui/vocabulary.js';
import { reviewCard } from './review-card.js';
import type { BulkResult, QueueSort, ReviewQueuePage } from './review-types.js';

/** What the page tells after it redraws: the last action, and its undo. */
let flash: Done | null = null;
/** The cursors of the pages before this one, to go back (keyset paging has no "page 3"). */
const earlier: string[] = [];
const selected = new Set<number>();
let drawing = 0;

const SORTS: Readonly<Record<QueueSort, string>> = {
  arrival: 'Arrival',
  date: 'Event date',
  score: 'Duplicate score',
};

interface View {
  readonly filters: Filters;
  readonly sort: QueueSort;
  readonly order: string;
  readonly cursor: string;
  readonly page: number;
}

function viewOf(query: URLSearchParams): View {
  const sort = query.get('sort');
  return {
    filters: filtersFrom(query),
    sort: sort === 'date' || sort === 'score' ? sort : 'arrival',
    order: query.get('order') === 'asc' || query.get('order') === 'desc' ? (query.get('order') ?? '') : '',
    cursor: query.get('cursor') ?? '',
    page: Math.max(1, Number(query.get('page')) || 1),
  };
}

function queryOf(view: View): URLSearchParams {
  const query = filtersToQuery(view.filters);
  if (view.sort !== 'arrival') query.set('sort', view.sort);
  if (view.order) query.set('order', view.order);
  if (view.cursor) query.set('cursor', view.cursor);
  if (view.page > 1) query.set('page', String(view.page));
  return query;
}

const redraw = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/**
 * The analysts' queue: candidates and incidents under review, filtered, sorted and paged by
 * cursor; cards selected for a bulk start-review or reject with one reason; each card's actions.
 */
export const reviewPage: PageModule = {
  title: 'Review queue',
  async render(main, location) {
    main.append(h('h1', {}, 'Review queue'));
    if (!hasRole('admin', 'analyst')) {
      main.append(errorBox('Only analysts can review incidents. '), h('a', { href: '#/login' }, 'Sign in'));
      return;
    }
    const view = viewOf(location.query);
    if (view.page === 1) earlier.length = 0;
    const mine = ++drawing;
    const page = await getJson<ReviewQueuePage>('/review-queue', {
      ...view.filters,
      sort: view.sort,
      order: view.order,
      cursor: view.cursor,
      limit: 50,
    });
    // A later draw of this page started while this one waited: it draws, this one does not.
    if (mine !== drawing) return;
    const onDone = (done: Done) => {
      flash = done;
      redraw();
    };
    const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
    if (flash) notice.append(doneNotice(flash, (message) => ((flash = { message, undo: null }), redraw())));
    flash = null;
    for (const id of [...selected]) if (!page.items.some((c) => c.incident.id === id)) selected.delete(id);
    const first = (view.page - 1) * page.limit + 1;
    const selection = new EventTarget();
    append(
      main,
      notice,
      filterForm(view.filters, (filters) =>
        navigate('/review', queryOf({ ...view, filters, cursor: '', page: 1 })),
      ),
      sortForm(view),
      h(
        'p',
        { class: 'queue-count' },
        page.total === 0
          ? 'Nothing waiting.'
          : `${first}–${first + page.items.length - 1} of ${page.total} waiting.`,
      ),
      page.items.length ? bulkBar(page, selection) : null,
      page.items.length === 0
        ? h('p', {}, 'Nothing to review.')
        : h(
            'ol',
            { class: 'queue' },
            ...page.items.map((card) =>
              h(
                'li',
                {},
                reviewCard(card, {
                  selected: selected.has(card.incident.id),
                  onSelect: (id, on) => {
                    if (on) selected.add(id);
                    else selected.delete(id);
                    selection.dispatchEvent(new Event('change'));
                  },
                  onDone,
                }),
              ),
            ),
          ),
      pager(view, page),
    );
  },
};

function sortForm(view: View): HTMLFormElement {
  const sort = h('select', { id: 'queue-sort', name: 'sort' });
  for (const [value, label] of Object.entries(SORTS))
    sort.append(h('option', { value, selected: value === view.sort }, label));
  const order = h('select', { id: 'queue-order', name: 'order' });
  for (const [value, label] of [
    ['', 'Default'],
    ['asc', 'Ascending'],
    ['desc', 'Descending'],
  ] as const)
    order.append(h('option', { value, selected: value === view.order }, label));
  const form = h(
    'form',
    { class: 'filters queue-sort', 'aria-label': 'Order the queue' },
    h('div', { class: 'field' }, h('label', { for: sort.id }, 'Sort by'), sort),
    h('div', { class: 'field' }, h('label', { for: order.id }, 'Order'), order),
    h('button', { type: 'submit', class: 'secondary' }, 'Sort'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = sort.value === 'date' || sort.value === 'score' ? sort.value : 'arrival';
    navigate('/review', queryOf({ ...view, sort: next, order: order.value, cursor: '', page: 1 }));
  });
  return form;
}

function pager(view: View, page: ReviewQueuePage): HTMLElement | null {
  if (view.page === 1 && !page.nextCursor) return null;
  const previous = h(
    'button',
    { type: 'button', class: 'secondary', disabled: view.page === 1 },
    'Previous page',
  );
  const next = h('button', { type: 'button', class: 'secondary', disabled: !page.nextCursor }, 'Next page');
  previous.addEventListener('click', () =>
    navigate('/review', queryOf({ ...view, cursor: earlier.pop() ?? '', page: view.page - 1 })),
  );
  next.addEventListener('click', () => {
    earlier.push(view.cursor);
    navigate('/review', queryOf({ ...view, cursor: page.nextCursor ?? '', page: view.page + 1 }));
  });
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages of the queue' },
    previous,
    ` Page ${view.page} `,
    next,
  );
}

/** Select all on the page, one reason, Start review or Reject for every selected card. */
function bulkBar(page: ReviewQueuePage, selection: EventTarget): HTMLElement {
  const count = h('span', { class: 'selected-count', 'aria-live': 'polite' });
  const all = h('input', { type: 'checkbox', id: 'select-all' });
  const reason = h('textarea', { id: 'bulk-reason', name: 'bulk-reason', rows: 2 });
  const status = h('div', { class: 'bulk-status', 'aria-live': 'assertive' });
  const start = h(
    'button',
    { type: 'button', class: 'secondary', 'data-bulk': 'start_review' },
    'Start review',
  );
  const reject = h('button', { type: 'button', class: 'danger', 'data-bulk': 'reject' }, 'Reject');
  const ids = page.items.map((c) => c.incident.id);
  const refresh = () => {
    const n = selected.size;
    count.textContent = `${n} selected`;
    all.checked = n > 0 && ids.every((id) => selected.has(id));
    start.disabled = reject.disabled = n === 0;
  };
  all.addEventListener('change', () => {
    for (const id of ids)
      if (all.checked) selected.add(id);
      else selected.delete(id);
    for (const box of bar.ownerDocument.querySelectorAll<HTMLInputElement>('.review-card input.select'))
      box.checked = all.checked;
    refresh();
  });
  const run = (action: 'start_review' | 'reject') => void bulk(action, page, reason, status);
  start.addEventListener('click', () => run('start_review'));
  reject.addEventListener('click', () => run('reject'));
  const bar = h(
    'section',
    { class: 'bulk', 'aria-label': 'Act on the selected incidents' },
    h(
      'div',
      { class: 'field-inline' },
      all,
      h('label', { for: all.id }, 'Select all on this page'),
      ' ',
      count,
    ),
    h('label', { for: reason.id }, 'One reason for all the selected (internal: not published)'),
    reason,
    h('div', { class: 'actions' }, start, reject),
    status,
  );
  selection.addEventListener('change', refresh);
  refresh();
  return bar;
}

async function bulk(
  action: 'start_review' | 'reject',
  page: ReviewQueuePage,
  reasonField: HTMLTextAreaElement,
  status: HTMLElement,
): Promise<void> {
  const reason = reasonField.value.trim();
  const items = page.items
    .filter((c) => selected.has(c.incident.id))
    .map((c) => ({ id: c.incident.id, baseVersion: c.incident.version }));
  if (!reason) {
    reasonField.setAttribute('aria-invalid', 'true');
    replace(
      status,
      h('p', { class: 'error', role: 'alert' }, 'Please give one reason for all the selected.'),
    );
    reasonField.focus();
    return;
  }
  reasonField.removeAttribute('aria-invalid');
  if (
    action === 'reject' &&
    !(await confirmAction({
      title: `Reject ${items.length} incident(s)?`,
      body: 'They leave the queue and are never published. You can undo this.',
      confirm: `Reject ${items.length}`,
      danger: true,
    }))
  )
    return;
  try {
    const result = await postJson<BulkResult>('/review/bulk', { action, reason, items });
    const changed = result.outcomes.filter((o) => o.ok).map((o) => o.id);
    const failures = result.outcomes.flatMap((o) => (o.ok ? [] : [`#${o.id}: ${o.error.message}`]));
    for (const id of changed) selected.delete(id);
    const verb = action === 'reject' ? 'rejected' : 'taken into review';
    flash = {
      message: `${result.done} ${verb}.${failures.length ? ` ${result.failed} could not be — ${failures.join('; ')}` : ''}`,
      undo: changed.length ? () => undoBulk(page, changed, reason) : null,
    };
    redraw();
  } catch (error) {
    replace(status, h('p', { class: 'error', role: 'alert' }, `Nothing was changed: ${messageOf(error)}`));
  }
}

/** Puts each changed incident back where it was, by the allowed steps (rejected → under review → candidate). */
async function undoBulk(page: ReviewQueuePage, ids: readonly number[], reason: string): Promise<string> {
  let back = 0;
  for (const id of ids) {
    const card = page.items.find((c) => c.incident.id === id);
    if (!card) continue;
    const now = await getJson<{ incident: { status: IncidentStatus; version: number } }>(`/incidents/${id}`);
    try {
      await walkBack(id, now.incident.status, card.incident.status, now.incident.version, `undo: ${reason}`);
      back += 1;
    } catch {
      // Told in the count: the others still go back.
    }
  }
  return `${back} of ${ids.length} put back as they were.`;
}
