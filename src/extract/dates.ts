import { DATE_RULES } from './date-rules.js';
import { isoOf, parseDay } from './day-math.js';
import type { DatePrecision } from './schema.js';
import { allMatches } from './text/matches.js';

/**
 * What a date says about the facts near it:
 * - `event`: when something happened;
 * - `speech`: when something was said or reported ("… said on Wednesday", "on Tuesday urged"),
 *   the event's date only when nothing better is written;
 * - `stamp`: the page's or the dateline's own date ("date 2022-01-05 …", "BAMAKO, May 29 (UPI)"),
 *   never an event's date;
 * - `since`: the start of a period ("since 27 September"), never an event's date.
 */
export type DateRole = 'event' | 'speech' | 'stamp' | 'since';

export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly precision: DatePrecision;
  readonly role: DateRole;
  /** Days from publication, for dates relative to "now" ("overnight"), which a dated "now" re-anchors. */
  readonly offset?: { readonly start: number; readonly end: number };
}

/**
 * Finds dates and resolves them against the publication date: weekdays to the most recent such
 * day on or before it (unless the text points forward), "late September" and "early 1990s" to
 * ranges, "yesterday afternoon" to the day before. Without a publication date only absolute
 * dates resolve. Each date gets its role (see `DateRole`).
 *
 * @example findDates('on Sunday', '2020-11-10')[0] // { from: '2020-11-08', to: '2020-11-08', precision: 'day', … }
 */
export function findDates(text: string, published: string | null): DateMention[] {
  const pub = parseDay(published);
  const found: DateMention[] = [];
  const taken = new Uint8Array(text.length + 1);
  for (const rule of DATE_RULES) {
    if (rule.needs && !rule.needs.test(text)) continue;
    for (const match of allMatches(rule.re, text)) {
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
        role: roleOf(text, start, end),
        ...(r.offset ? { offset: r.offset } : {}),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "said", "told reporters", "reported", "urged" … right before the date ("said on Thursday"). */
const SPEECH_BEFORE =
  /\b(?:said|says|told(?:\s+[\p{L}]+){0,3}|reported|announced|stated|informed|confirmed|added|wrote|declared|claimed|urged|condemned|warned|report(?:ed)?\s+(?:on|dated))\s+(?:on\s+|late\s+|early\s+)?$/iu;
/** … or right after it ("on Wednesday urged", "on Sunday, the ministry said"). */
const SPEECH_AFTER =
  /^\s*(?:(?:morning|afternoon|evening|night)\s+)?(?:said|urged|told|announced|reported|stated|added|confirmed|informed|warned|condemned)\b/i;
/** A label before a page's date stamp, or nothing at all on its line. */
const STAMP_LEAD = /(?:^|\n)[^\S\n]*(?:(?:date|posted|published|updated|created)[^\S\n]*:?[^\S\n]*)?$/i;
/** A dateline: a city (and country) in a line's first words, then the date ("BAMAKO, Mali, May 29"). */
const DATELINE_LEAD =
  /(?:^|\n)[^\S\n]*(?:\p{Lu}[\p{L}'’.-]*[^\S\n]*){1,3},(?:[^\S\n]*\p{Lu}[\p{L}'’.-]*,){0,2}[^\S\n]*$/u;
/** After a stamp: the end of the line, a time, a weekday, an agency, a dash; or an ISO date's text. */
const STAMP_TAIL =
  /^(?:[^\S\n]*(?:[,|.]|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\(\w[^)\n]{0,30}\)|\/\w[^/\n]{0,20}\/|[-\u2013\u2014]))*[^\S\n]*(?:\n|$|[-\u2013\u2014])/u;

const SINCE_BEFORE = /\bsince\s+(?:[\p{L}]+\s+){0,3}(?:on|in)?\s*$/iu;

function roleOf(text: string, start: number, end: number): DateRole {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  const written = text.slice(start, end);
  // Phenomenon: page-date headers and datelines are the page's date, not an event's.
  const lineStart = before.lastIndexOf('\n');
  const isLineOpening = lineStart >= 0 ? before.length - lineStart < 45 : start < 45;
  if (
    isLineOpening &&
    STAMP_LEAD.test(before) &&
    (/^\d{4}-\d{2}-\d{2}$/.test(written) || STAMP_TAIL.test(after))
  )
    return 'stamp';
  if (isLineOpening && DATELINE_LEAD.test(before) && STAMP_TAIL.test(after)) return 'stamp';
  const lower = before.toLowerCase();
  if (lower.includes('since') && SINCE_BEFORE.test(before)) return 'since';
  // Phenomenon: the day a statement was made is not the day of what it tells.
  if (SPEECH_BEFORE.test(before.slice(-40)) || SPEECH_AFTER.test(after)) return 'speech';
  return 'event';
}
