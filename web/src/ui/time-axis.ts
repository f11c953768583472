import uPlot from 'uplot';

/**
 * What every time chart of the app shares (uPlot, canvas): days in UTC, tick labels people read
 * ("9 Nov", the year under the first tick and each new year), and the bars' path builder.
 */
export type Grain = 'day' | 'week' | 'month';

export const GRAIN_SECONDS: Readonly<Record<Grain, number>> = {
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
};

/** Seconds since the epoch at noon UTC of a day: the middle of its bar. */
export const midDaySeconds = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000 + 43_200;

export const utcDate = (seconds: number): Date => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC');

const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "9 Nov", with the year under the first tick and under each January ("Jan 2021" by month). */
export function tickLabels(splits: readonly number[], grain: Grain): string[] {
  let year = '';
  return splits.map((seconds) => {
    const date = new Date(seconds * 1000);
    if (grain === 'month') return MONTH_YEAR.format(date);
    const thisYear = String(date.getUTCFullYear());
    const label = DAY_MONTH.format(date) + (thisYear === year ? '' : `\n${thisYear}`);
    year = thisYear;
    return label;
  });
}

/** Bars a little narrower than their slot, at most 48 px wide. */
export const barPaths = (): uPlot.Series.PathBuilder | undefined =>
  uPlot.paths.bars?.({ size: [0.85, 48], gap: 1 });

/** Keeps a chart as wide as its box. */
export function fitWidth(chart: uPlot, box: HTMLElement, height: number): () => void {
  const resize = new ResizeObserver(() => {
    if (box.clientWidth > 0) chart.setSize({ width: Math.max(240, box.clientWidth), height });
  });
  resize.observe(box);
  return () => resize.disconnect();
}

/** Counts start at zero: a bar's height is its number, not its distance from the smallest one. */
export const countRange = (_u: uPlot, _min: number, max: number): uPlot.Range.MinMax => [
  0,
  Math.max(1, max * 1.08),
];
