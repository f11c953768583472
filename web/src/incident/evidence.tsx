import type { ComponentChild } from 'preact';

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

/**
 * Text with ranges in `<mark>`; the text goes in as text, never as markup. A block (the incident
 * page's whole source, scrolled in its box) or inline (a review card's excerpt).
 */
export function Highlighted({
  text,
  ranges,
  block = false,
}: {
  readonly text: string;
  readonly ranges: readonly Range[];
  readonly block?: boolean;
}) {
  const parts: ComponentChild[] = [];
  let at = 0;
  for (const range of mergeRanges(ranges, text.length)) {
    if (range.start > at) parts.push(text.slice(at, range.start));
    parts.push(
      <mark key={range.start} data-start={range.start} data-end={range.end}>
        {text.slice(range.start, range.end)}
      </mark>,
    );
    at = range.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return block ? <div class="source-text">{parts}</div> : <span class="source-text">{parts}</span>;
}
