/**
 * The review queue's orders: `arrival` (when the incident was recorded), `date` (when the event
 * happened; undated ones last either way) and `score` (the best open duplicate suggestion's
 * score; incidents with none last either way). Each has the direction it runs by default.
 */
export const REVIEW_QUEUE_SORTS = ['arrival', 'date', 'score'] as const;
export type ReviewQueueSort = (typeof REVIEW_QUEUE_SORTS)[number];
export const DEFAULT_ORDER: Readonly<Record<ReviewQueueSort, 'asc' | 'desc'>> = {
  arrival: 'asc',
  date: 'desc',
  score: 'desc',
};

/** The sort key an undated incident or one with no suggestion gets, so it comes last either way. */
export const LAST_KEY = {
  date: { asc: '9999-12-31', desc: '' },
  score: { asc: 2, desc: -1 },
} as const;

export interface Excerpt {
  readonly text: string;
  /** Where the excerpt starts and ends in the source's clean text (the spans' coordinates). */
  readonly start: number;
  readonly end: number;
}

/**
 * The part of a source's text a card shows: from a little before the first evidence span to a
 * little after the last, cut at spaces, at most `max` characters; the opening of the text when
 * there is no span.
 *
 * @example excerptAround('a b c d e', [{ start: 4, end: 5 }], { context: 2, max: 20 }).text // 'b c d'
 */
export function excerptAround(
  text: string,
  spans: readonly { start: number; end: number }[],
  options: { context: number; max: number } = { context: 160, max: 600 },
): Excerpt {
  const inside = spans.filter((s) => s.start < s.end && s.end <= text.length);
  const first = inside.length ? Math.min(...inside.map((s) => s.start)) : 0;
  const last = inside.length ? Math.max(...inside.map((s) => s.end)) : 0;
  let start = Math.max(0, first - options.context);
  let end = Math.min(text.length, Math.max(last + options.context, start + options.context));
  if (end - start > options.max) end = start + options.max;
  // Begin and end on whole words when the cut falls inside one.
  if (start > 0 && !/\s/.test(text.charAt(start - 1))) {
    const space = text.slice(start, first).search(/\s/);
    if (space !== -1) start += space + 1;
  }
  if (end < text.length && !/\s/.test(text.charAt(end))) {
    const space = text.slice(Math.max(last, start), end).search(/\s\S*$/);
    if (space !== -1) end = Math.max(last, start) + space;
  }
  return { text: text.slice(start, end), start, end };
}
