import { h, svg } from '../ui/dom.js';

/** Small SVG charts drawn by hand: a meter against a ceiling and a bar series over days. */
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

export function barSeries(title: string, points: readonly SeriesPoint[]): HTMLElement {
  const height = 100;
  const bar = Math.max(3, Math.min(16, Math.floor(600 / Math.max(1, points.length))));
  const max = Math.max(1, ...points.map((p) => p.value));
  const total = points.reduce((n, p) => n + p.value, 0);
  const chart = svg('svg', {
    viewBox: `0 0 ${Math.max(1, points.length * bar)} ${height}`,
    class: 'chart series',
    role: 'img',
    'aria-label': `${title}: ${total} over ${points.length} days, at most ${max} in a day`,
  });
  points.forEach((p, i) => {
    const barHeight = Math.round((p.value / max) * height);
    chart.append(
      svg(
        'rect',
        { x: i * bar, y: height - barHeight, width: bar - 1, height: barHeight, class: 'bar' },
        svg('title', {}, `${p.day}: ${p.value}`),
      ),
    );
  });
  return h(
    'figure',
    { class: 'series-figure' },
    h('figcaption', {}, `${title} (total ${total.toLocaleString('en')})`),
    chart,
  );
}
