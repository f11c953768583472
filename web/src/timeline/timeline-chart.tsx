import { t } from '../i18n/i18n.js';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { kindLabel } from '../ui/labels.js';
import { rankColour } from '../ui/kind-colours.js';
import type { Bucket, Grain } from './buckets.js';
import { barPaths, countRange, fitWidth, GRAIN_SECONDS, tickLabels, utcDate } from '../ui/time-axis.js';

/** A range of buckets the person picked, by index (inclusive). */
export interface Picked {
  readonly first: number;
  readonly last: number;
}

interface Props {
  readonly buckets: readonly Bucket[];
  readonly kinds: readonly string[];
  readonly grain: Grain;
  readonly label: string;
  /** A drag across bars (a brush) or a click on one. */
  readonly onPick: (picked: Picked) => void;
}

const secondsOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

/**
 * Incidents per bucket stacked by kind on a real time axis (uPlot, canvas): days are drawn in
 * UTC, gaps stay gaps, the y-axis counts incidents. Dragging across the chart picks a range;
 * clicking a bar picks it. The canvas is an image to assistive technology: the page gives the
 * same numbers as a table, and the filters' From and To pick a range from the keyboard.
 */
export function TimelineChart({ buckets, kinds, grain, label, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const element = box.current;
    if (!element || buckets.length === 0) return;
    const xs = buckets.map((b) => secondsOf(b.start) + GRAIN_SECONDS[grain] / 2);
    // Stacked: series i is the sum of kinds 0..i; drawn from the top of the stack down, so each
    // kind's band shows between the one under it and its own top.
    const tops: number[][] = [];
    let running = buckets.map(() => 0);
    for (const kind of kinds) {
      running = running.map((sum, i) => sum + ((buckets[i] as Bucket).byKind[kind] ?? 0));
      tops.push(running);
    }
    const order = kinds.map((_, i) => i).reverse();
    const bars = barPaths();
    // A drag ends with a click too: that click must not replace the range just dragged.
    let dragged = false;
    const chart = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: 240,
        tzDate: utcDate,
        legend: { show: false },
        cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
        scales: {
          x: {
            time: true,
            range: (_u, min, max) => [min - GRAIN_SECONDS[grain] / 2, max + GRAIN_SECONDS[grain] / 2],
          },
          y: { range: countRange },
        },
        axes: [
          { grid: { show: false }, values: (_u, splits) => tickLabels(splits, grain) },
          { label: t('list.title'), size: 48, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
        ],
        series: [
          {},
          ...order.map((i) => ({
            label: kindLabel(kinds[i] as string),
            fill: rankColour(i),
            stroke: rankColour(i),
            width: 0,
            paths: bars,
            points: { show: false },
          })),
        ],
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width < 3) return;
              const from = u.posToVal(u.select.left, 'x');
              const to = u.posToVal(u.select.left + u.select.width, 'x');
              const first = xs.findIndex((x) => x + GRAIN_SECONDS[grain] / 2 >= from);
              const lastFound = xs.findLastIndex((x) => x - GRAIN_SECONDS[grain] / 2 <= to);
              if (first >= 0 && lastFound >= first) pick.current({ first, last: lastFound });
              dragged = true;
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            },
          ],
        },
      },
      [xs, ...order.map((i) => tops[i] as number[])],
      element,
    );
    const click = () => {
      const index = chart.cursor.idx;
      if (!dragged && typeof index === 'number' && index >= 0) pick.current({ first: index, last: index });
      dragged = false;
    };
    chart.over.addEventListener('click', click);
    const stopFitting = fitWidth(chart, element, 240);
    return () => {
      stopFitting();
      chart.destroy();
    };
  }, [buckets, kinds, grain]);
  return <div ref={box} class="timeline-chart" role="img" aria-label={label} />;
}

/** Which colour is which kind (with the count, so colour is not the only cue). */
export function KindLegend({
  buckets,
  kinds,
}: {
  readonly buckets: readonly Bucket[];
  readonly kinds: readonly string[];
}) {
  const total = (kind: string) => buckets.reduce((sum, b) => sum + (b.byKind[kind] ?? 0), 0);
  return (
    <ul class="legend" aria-label="Kinds">
      {kinds.map((kind, rank) => (
        <li key={kind}>
          <span class="swatch" style={{ background: rankColour(rank) }} aria-hidden="true" />
          {kindLabel(kind)} ({total(kind)})
        </li>
      ))}
    </ul>
  );
}
