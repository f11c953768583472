import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, messageOf } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery, type Filters } from '../filters/filters.js';
import { incidentTable } from '../list/list-page.js';
import { componentPage } from '../page.js';
import { hrefOf, navigate, replaceQuery, type Location } from '../router.js';
import type { Incident, Page, TimelineDay } from '../types.js';
import { DomNode } from '../ui/dom-node.js';
import { formatDay, formatNumber, t } from '../i18n/i18n.js';
import { kindLabel } from '../ui/labels.js';
import { bucketize, grainFor, kindsByTotal, type Bucket, type Grain } from './buckets.js';
import { KindLegend, TimelineChart, type Picked } from './timeline-chart.js';

interface Timeline {
  readonly days: readonly TimelineDay[];
  readonly undated: number;
}

/**
 * Incidents per day (per week or month over a long range) stacked by kind on a time axis, with
 * the same filters as the map and the list. Dragging across the chart or clicking a bar picks
 * days: the incidents of those days are listed below, with links that open the map and the list
 * filtered to them. The picked days stay in the URL (`days=FROM,TO`).
 */
function TimelineView({ location }: { readonly location: Location }) {
  const filters = useMemo(() => filtersFrom(location.query), [location]);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<readonly [string, string] | null>(() => pickedFrom(location.query));
  useEffect(() => {
    getJson<Timeline>('/timeline', { ...filters }).then(setTimeline, (error) => setFailure(messageOf(error)));
  }, [filters]);

  const view = useMemo(() => {
    if (!timeline || timeline.days.length === 0) return null;
    const dates = timeline.days.map((d) => d.date).sort();
    const grain = grainFor(dates[0] as string, dates[dates.length - 1] as string);
    const buckets = bucketize(timeline.days, grain);
    return { grain, buckets, kinds: kindsByTotal(buckets) };
  }, [timeline]);

  const pick = (range: readonly [string, string] | null) => {
    setPicked(range);
    const query = filtersToQuery(filters);
    if (range) query.set('days', `${range[0]},${range[1]}`);
    replaceQuery(query);
  };

  return (
    <>
      <h1>{t('timeline.title')}</h1>
      <DomNode
        make={() => filterForm(filters, (next) => navigate('/timeline', filtersToQuery(next)))}
        deps={[filters]}
      />
      {failure && (
        <p class="error" role="alert">
          {t('timeline.failed', { failure })}{' '}
          <button type="button" onClick={() => navigate('/timeline', location.query)}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {!timeline && !failure && (
        <p class="loading" role="status">
          {t('timeline.loading')}
        </p>
      )}
      {timeline && !view && <p>{t('timeline.none')}</p>}
      {view && (
        <figure class="timeline">
          <TimelineChart
            buckets={view.buckets}
            kinds={view.kinds}
            grain={view.grain}
            label={chartLabel(view.buckets, view.grain)}
            onPick={(range: Picked) =>
              pick([(view.buckets[range.first] as Bucket).start, (view.buckets[range.last] as Bucket).end])
            }
          />
          <figcaption>
            {t('timeline.caption', { grain: view.grain })}
            <KindLegend buckets={view.buckets} kinds={view.kinds} />
          </figcaption>
        </figure>
      )}
      {picked && <PickedDays filters={filters} range={picked} onClear={() => pick(null)} />}
      {view && <BucketTable buckets={view.buckets} grain={view.grain} />}
      {timeline && timeline.undated > 0 && <UndatedNote undated={timeline.undated} />}
    </>
  );
}

function pickedFrom(query: URLSearchParams): readonly [string, string] | null {
  const match = /^(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})$/.exec(query.get('days') ?? '');
  return match ? [match[1] as string, match[2] as string] : null;
}

function chartLabel(buckets: readonly Bucket[], grain: Grain): string {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const busiest = buckets.reduce((top, b) => (b.count > top.count ? b : top), buckets[0] as Bucket);
  return t('timeline.chartLabel', {
    grain,
    from: formatDay(buckets[0]?.start ?? ''),
    to: formatDay(buckets[buckets.length - 1]?.end ?? ''),
    total,
    most: busiest.count,
    busiest: formatDay(busiest.start),
  });
}

/** The incidents of the picked days, and the map and the list filtered to them. */
function PickedDays(props: {
  readonly filters: Filters;
  readonly range: readonly [string, string];
  readonly onClear: () => void;
}) {
  const [from, to] = props.range;
  const narrowed: Filters = { ...props.filters, from, to };
  const [page, setPage] = useState<Page<Incident> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setPage(null);
    getJson<Page<Incident>>('/incidents', { ...narrowed, limit: 20, offset: 0 }).then(setPage, (error) =>
      setFailure(messageOf(error)),
    );
  }, [from, to, props.filters]);
  const days =
    from === to ? formatDay(from) : t('timeline.days', { from: formatDay(from), to: formatDay(to) });
  return (
    <section class="picked" aria-labelledby="picked-heading">
      <h2 id="picked-heading">{days}</h2>
      <p aria-live="polite">
        {failure
          ? t('timeline.incidentsFailed', { failure })
          : page
            ? t('timeline.pickedCount', { count: page.total, oneDay: from === to ? 'yes' : 'no' })
            : t('app.loading')}{' '}
        <a href={hrefOf('/map', filtersToQuery(narrowed))}>{t('timeline.showOnMap')}</a> ·{' '}
        <a href={hrefOf('/list', filtersToQuery(narrowed))}>{t('timeline.openList')}</a> ·{' '}
        <button type="button" class="link" onClick={props.onClear}>
          {t('timeline.clearDays')}
        </button>
      </p>
      {page && page.items.length > 0 && <DomNode make={() => incidentTable(page.items)} deps={[page]} />}
    </section>
  );
}

function BucketTable({ buckets, grain }: { readonly buckets: readonly Bucket[]; readonly grain: Grain }) {
  const rows = buckets.filter((b) => b.count > 0);
  return (
    <details>
      <summary>{t('timeline.asTable')}</summary>
      <table class="timeline-table">
        <thead>
          <tr>
            <th scope="col">{t('timeline.bucketHeading', { grain })}</th>
            <th scope="col">{t('list.title')}</th>
            <th scope="col">{t('timeline.byKind')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.start}>
              <td>{grain === 'month' ? b.start.slice(0, 7) : formatDay(b.start)}</td>
              <td>{formatNumber(b.count)}</td>
              <td>
                {Object.entries(b.byKind)
                  .map(([kind, n]) => `${kindLabel(kind)} ${formatNumber(n)}`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Incidents no report dates are on no day: said in words, with a link to list them. */
function UndatedNote({ undated }: { readonly undated: number }) {
  return (
    <p class="undated-note" data-undated={String(undated)}>
      {t('timeline.undated', { count: undated })}{' '}
      <a href={hrefOf('/list', new URLSearchParams({ undated: '1' }))}>{t('timeline.listThem')}</a>
    </p>
  );
}

export const timelinePage = componentPage(() => t('timeline.title'), TimelineView);
