import { getJson } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { hrefOf, navigate } from '../router.js';
import type { TimelineDay } from '../types.js';
import { append, h, svg } from '../ui/dom.js';
import { kindLabel } from '../ui/labels.js';

/** Incidents per day as bars, with the same filters as the map; a table for screen readers. */
export const timelinePage: PageModule = {
  title: 'Timeline',
  async render(main, location) {
    const filters = filtersFrom(location.query);
    const { days, undated } = await getJson<{ days: readonly TimelineDay[]; undated: number }>('/timeline', {
      ...filters,
    });
    append(
      main,
      h('h1', {}, 'Timeline'),
      filterForm(filters, (next) => navigate('/timeline', filtersToQuery(next))),
      days.length === 0 ? h('p', {}, 'No dated incidents match.') : timelineChart(days),
      days.length === 0 ? null : timelineTable(days),
      undatedNote(undated),
    );
  },
};

/** Incidents no report dates are on no day: said in words, with a link to list them. */
function undatedNote(undated: number): HTMLElement | null {
  if (undated === 0) return null;
  return h(
    'p',
    { class: 'undated-note', 'data-undated': String(undated) },
    `${undated} incident${undated === 1 ? ' has' : 's have'} no date and ${undated === 1 ? 'is' : 'are'} not on the timeline. `,
    h('a', { href: hrefOf('/list', new URLSearchParams({ undated: '1' })) }, 'List them'),
  );
}

const HEIGHT = 160;

function timelineChart(days: readonly TimelineDay[]): HTMLElement {
  const max = Math.max(1, ...days.map((d) => d.count));
  const bar = Math.max(4, Math.min(24, Math.floor(900 / days.length)));
  const width = days.length * bar;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${HEIGHT + 20}`,
    class: 'chart timeline',
    role: 'img',
    'aria-label': `Incidents per day, ${days[0]?.date} to ${days[days.length - 1]?.date}`,
  });
  days.forEach((day, i) => {
    const height = Math.round((day.count / max) * HEIGHT);
    const rect = svg('rect', {
      x: i * bar + 1,
      y: HEIGHT - height,
      width: bar - 2,
      height,
      class: 'bar',
      'data-date': day.date,
    });
    rect.append(svg('title', {}, `${day.date}: ${day.count} (${kindsOf(day)})`));
    chart.append(rect);
  });
  chart.append(svg('text', { x: 0, y: HEIGHT + 16, class: 'axis' }, days[0]?.date ?? ''));
  chart.append(
    svg(
      'text',
      { x: width, y: HEIGHT + 16, class: 'axis', 'text-anchor': 'end' },
      days[days.length - 1]?.date ?? '',
    ),
  );
  return h('figure', {}, chart, h('figcaption', {}, `Busiest day: ${max} incidents.`));
}

function kindsOf(day: TimelineDay): string {
  return Object.entries(day.byKind)
    .map(([kind, n]) => `${kindLabel(kind)} ${n}`)
    .join(', ');
}

function timelineTable(days: readonly TimelineDay[]): HTMLElement {
  return h(
    'details',
    {},
    h('summary', {}, 'Show as a table'),
    h(
      'table',
      { class: 'timeline-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Day'),
          h('th', { scope: 'col' }, 'Incidents'),
          h('th', { scope: 'col' }, 'By kind'),
        ),
      ),
      h(
        'tbody',
        {},
        ...days.map((d) => h('tr', {}, h('td', {}, d.date), h('td', {}, d.count), h('td', {}, kindsOf(d)))),
      ),
    ),
  );
}
