import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, messageOf } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery, type Filters } from '../filters/filters.js';
import { preloadedPage } from '../agreement/fields.js';
import { navigate, type Location } from '../router.js';
import { hasRole } from '../session.js';
import { BulkBar } from './bulk-bar.js';
import { DoneNotice } from './parts.js';
import type { Done } from './review-actions.js';
import { ReviewCardView } from './review-card.js';
import type { QueueSort, ReviewQueuePage } from './review-types.js';

/** The cursors of the pages before this one, to go back (keyset paging has no "page 3"). */
const earlier: string[] = [];

const SORTS: readonly (readonly [QueueSort, string])[] = [
  ['arrival', 'Arrival'],
  ['date', 'Event date'],
  ['score', 'Duplicate score'],
];

interface View {
  readonly filters: Filters;
  readonly sort: QueueSort;
  readonly order: string;
  readonly cursor: string;
  readonly page: number;
}

function viewOf(query: URLSearchParams): View {
  const sort = query.get('sort');
  const order = query.get('order');
  return {
    filters: filtersFrom(query),
    sort: sort === 'date' || sort === 'score' ? sort : 'arrival',
    order: order === 'asc' || order === 'desc' ? order : '',
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

type Loaded =
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly page: ReviewQueuePage };

const loadQueue = (view: View) =>
  getJson<ReviewQueuePage>('/review-queue', {
    ...view.filters,
    sort: view.sort,
    order: view.order,
    cursor: view.cursor,
    limit: 50,
  });

/**
 * The analysts' queue: candidates and incidents under review, filtered, sorted and paged by
 * cursor; cards selected for a bulk start-review or reject with one reason; each card's actions.
 */
function ReviewQueue({
  location,
  initial,
}: {
  readonly location: Location;
  /** The page of the queue loaded before it was shown; null for those who may not review. */
  readonly initial: ReviewQueuePage | null;
}) {
  const view = viewOf(location.query);
  const [loaded, setLoaded] = useState<Loaded | null>(initial && { kind: 'ready', page: initial });
  const [reloads, setReloads] = useState(0);
  const [flash, setFlash] = useState<Done | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // Each address is a page of its own (shown anew), so only a change made here loads the queue again.
  useEffect(() => {
    if (reloads === 0) return;
    let live = true;
    loadQueue(view).then(
      (page) => {
        if (!live) return;
        setLoaded({ kind: 'ready', page });
        setSelected((was) => new Set([...was].filter((id) => page.items.some((c) => c.incident.id === id))));
      },
      (error: unknown) => live && setLoaded({ kind: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [reloads]);
  if (!loaded)
    return (
      <>
        <h1>Review queue</h1>
        <p class="error" role="alert">
          Only analysts can review incidents. <a href="#/login">Sign in</a>
        </p>
      </>
    );
  const done = (next: Done) => {
    setFlash(next);
    setReloads((n) => n + 1);
  };
  return (
    <>
      <h1>Review queue</h1>
      <div class="notice" role="status" aria-live="polite">
        {flash ? <DoneNotice done={flash} onUndone={(message) => done({ message, undo: null })} /> : null}
      </div>
      <FilterForm view={view} />
      <SortForm view={view} />
      {loaded.kind === 'failed' ? (
        <p class="error" role="alert">
          The queue could not be loaded: {loaded.message}.{' '}
          <button type="button" onClick={() => setReloads((n) => n + 1)}>
            Try again
          </button>
        </p>
      ) : null}
      {loaded.kind === 'ready' ? (
        <Queue view={view} page={loaded.page} selected={selected} setSelected={setSelected} onDone={done} />
      ) : null}
    </>
  );
}

function Queue(props: {
  readonly view: View;
  readonly page: ReviewQueuePage;
  readonly selected: ReadonlySet<number>;
  readonly setSelected: (next: ReadonlySet<number>) => void;
  readonly onDone: (done: Done) => void;
}) {
  const { view, page, selected } = props;
  const first = (view.page - 1) * page.limit + 1;
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    props.setSelected(next);
  };
  return (
    <>
      <p class="queue-count">
        {page.total === 0
          ? 'Nothing waiting.'
          : `${first}–${first + page.items.length - 1} of ${page.total} waiting.`}
      </p>
      {page.items.length ? (
        <BulkBar page={page} selected={selected} setSelected={props.setSelected} onDone={props.onDone} />
      ) : (
        <p>Nothing to review.</p>
      )}
      {page.items.length ? (
        <ol class="queue">
          {page.items.map((card) => (
            <li key={card.incident.id}>
              <ReviewCardView
                card={card}
                selected={selected.has(card.incident.id)}
                onSelect={toggle}
                onDone={props.onDone}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <Pager view={view} page={page} />
    </>
  );
}

/** The shared incident filters (an older DOM form), mounted here. */
function FilterForm({ view }: { readonly view: View }) {
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    slot.current?.replaceChildren(
      filterForm(view.filters, (filters) =>
        navigate('/review', queryOf({ ...view, filters, cursor: '', page: 1 })),
      ),
    );
  }, [queryOf(view).toString()]);
  return <div ref={slot} />;
}

function SortForm({ view }: { readonly view: View }) {
  const [sort, setSort] = useState<string>(view.sort);
  const [order, setOrder] = useState(view.order);
  return (
    <form
      class="filters queue-sort"
      aria-label="Order the queue"
      onSubmit={(event) => {
        event.preventDefault();
        const next = sort === 'date' || sort === 'score' ? sort : 'arrival';
        navigate('/review', queryOf({ ...view, sort: next, order, cursor: '', page: 1 }));
      }}
    >
      <div class="field">
        <label for="queue-sort">Sort by</label>
        <select id="queue-sort" name="sort" value={sort} onChange={(e) => setSort(e.currentTarget.value)}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="queue-order">Order</label>
        <select id="queue-order" name="order" value={order} onChange={(e) => setOrder(e.currentTarget.value)}>
          <option value="">Default</option>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
      <button type="submit" class="secondary">
        Sort
      </button>
    </form>
  );
}

function Pager({ view, page }: { readonly view: View; readonly page: ReviewQueuePage }) {
  if (view.page === 1 && !page.nextCursor) return null;
  return (
    <nav class="pager" aria-label="Pages of the queue">
      <button
        type="button"
        class="secondary"
        disabled={view.page === 1}
        onClick={() =>
          navigate('/review', queryOf({ ...view, cursor: earlier.pop() ?? '', page: view.page - 1 }))
        }
      >
        Previous page
      </button>{' '}
      Page {view.page}{' '}
      <button
        type="button"
        class="secondary"
        disabled={!page.nextCursor}
        onClick={() => {
          earlier.push(view.cursor);
          navigate('/review', queryOf({ ...view, cursor: page.nextCursor ?? '', page: view.page + 1 }));
        }}
      >
        Next page
      </button>
    </nav>
  );
}

export const reviewPage = preloadedPage(
  'Review queue',
  async (location) => {
    if (!hasRole('admin', 'analyst')) return null;
    const view = viewOf(location.query);
    if (view.page === 1) earlier.length = 0;
    return loadQueue(view);
  },
  ReviewQueue,
);
