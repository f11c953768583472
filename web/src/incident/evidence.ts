import { h } from '../ui/dom.js';

/**
 * A source's clean text with the evidence spans wrapped in `<mark>`. Offsets are UTF-16
 * `[start, end)` as JavaScript strings count them, so `slice` cuts exactly where the server did.
 * Overlapping spans are merged; spans outside the text are clipped.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export function mergeRanges(ranges: readonly Range[], length: number): Range[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of clipped) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

/** Text nodes and marks for `text` with `ranges` highlighted. */
export function highlighted(text: string, ranges: readonly Range[]): HTMLElement {
  const box = h('div', { class: 'source-text' });
  let at = 0;
  for (const range of mergeRanges(ranges, text.length)) {
    if (range.start > at) box.append(document.createTextNode(text.slice(at, range.start)));
    box.append(
      h('mark', { 'data-start': range.start, 'data-end': range.end }, text.slice(range.start, range.end)),
    );
    at = range.end;
  }
  if (at < text.length) box.append(document.createTextNode(text.slice(at)));
  return box;
}
