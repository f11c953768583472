import { DATE_RULES } from './date-rules.js';
import { isoOf, parseDay } from './day-math.js';
import type { DatePrecision } from './schema.js';

export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly precision: DatePrecision;
}

/**
 * Finds dates and resolves them against the publication date: weekdays to the most recent such
 * day on or before it (unless the text points forward), "late September" and "early 1990s" to
 * ranges, "yesterday afternoon" to the day before. Without a publication date only absolute
 * dates resolve.
 *
 * @example findDates('on Sunday', '2020-11-10')[0] // { from: '2020-11-08', to: '2020-11-08', precision: 'day', … }
 */
export function findDates(text: string, published: string | null): DateMention[] {
  const pub = parseDay(published);
  const found: DateMention[] = [];
  const taken = new Uint8Array(text.length + 1);
  for (const rule of DATE_RULES) {
    rule.re.lastIndex = 0;
    for (const match of text.matchAll(rule.re)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (taken[start] === 1 || taken[end - 1] === 1) continue;
      const before = text.slice(Math.max(0, start - 80), start);
      const r = rule.resolve({ match, published: pub, before });
      if (!r || !Number.isFinite(r.start) || !Number.isFinite(r.end) || r.end < r.start) continue;
      taken.fill(1, start, end);
      found.push({
        start,
        end,
        text: match[0],
        from: isoOf(r.start),
        to: isoOf(r.end),
        precision: r.precision,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
