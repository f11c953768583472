import uPlot from 'uplot';
import { h, svg } from '../ui/dom.js';
import { barPaths, countRange, fitWidth, midDaySeconds, tickLabels, utcDate } from '../ui/time-axis.js';

/** The mission's charts: a meter against a ceiling (SVG) and a value per day over time (uPlot). */
export interface MeterOptions {
  readonly label: string;
  readonly value: number | null;
  readonly ceiling: number | null;
}

export function ceilingMeter(options: MeterOptions): HTMLElement {
  const { label, value, ceiling } = options;
  const scale = Math.max(1, ceiling ?? 0, value ?? 0);
  const width = 300;
  const filled = Math.round(((value ?? 0) / scale) * width);
  const over = ceiling !== null && value !== null && value > ceiling;
  const text = `${label}: ${value ?? 'not reported'}${ceiling !== null ? ` of a ceiling of ${ceiling}` : ''}${over ? ' — above the ceiling' : ''}`;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} 24`, class: 'chart meter', role: 'img', 'aria-label': text },
    svg('rect', { x: 0, y: 4, width, height: 16, class: 'meter-track' }),
    svg('rect', { x: 0, y: 4, width: filled, height: 16, class: over ? 'meter-fill over' : 'meter-fill' }),
  );
  if (ceiling !== null)
    chart.append(
      svg('line', {
        x1: (ceiling / scale) * width,
        x2: (ceiling / scale) * width,
        y1: 0,
        y2: 24,
        class: 'meter-ceiling',
      }),
    );
  return h('div', { class: 'meter-row' }, h('p', {}, text), chart);
}

export interface SeriesPoint {
  readonly day: string;
  readonly value: number;
}

const SERIES_HEIGHT = 140;

/**
 * A value per day as bars on a time axis (uPlot, canvas): days with no value are gaps. The canvas
 * is an image with a label in words; the numbers are in a table beside it.
 */
export function barSeries(title: string, points: readonly SeriesPoint[]): HTMLElement {
  const max = Math.max(0, ...points.map((p) => p.value));
  const total = points.reduce((n, p) => n + p.value, 0);
  const box = h('div', {
    class: 'series-chart',
    role: 'img',
    'aria-label': `${title}: ${total} over ${points.length} days, at most ${max} in a day`,
  });
  const chart = new uPlot(
    {
      width: 600,
      height: SERIES_HEIGHT,
      tzDate: utcDate,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] },
        y: { range: countRange },
      },
      axes: [
        { grid: { show: false }, values: (_u, splits) => tickLabels(splits, 'day') },
        { size: 48, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] },
      ],
      series: [
        {},
        {
          label: title,
          fill: '#4477aa',
          stroke: '#4477aa',
          width: 0,
          paths: barPaths(),
          points: { show: false },
        },
      ],
    },
    [points.map((p) => midDaySeconds(p.day)), points.map((p) => p.value)],
    box,
  );
  fitWidth(chart, box, SERIES_HEIGHT);
  const table = h(
    'details',
    {},
    h('summary', {}, 'Show as a table'),
    h(
      'table',
      { class: 'series-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, title))),
      h('tbody', {}, ...points.map((p) => h('tr', {}, h('td', {}, p.day), h('td', {}, p.value)))),
    ),
  );
  return h(
    'figure',
    { class: 'series-figure' },
    h('figcaption', {}, `${title} (total ${total.toLocaleString('en')})`),
    box,
    table,
  );
}
