import type { DateMention } from '../dates.js';
import { isoOf, parseDay } from '../day-math.js';
import type { DateRange } from '../schema.js';
import { within } from '../text/ranges.js';
import type { Window } from './event-context.js';

/** How much an event's date is worth when mentions merge: a written event date beats a speech date beats none. */
export type DateRank = 0 | 1 | 2 | 3;
export const RANK_EVENT: DateRank = 0;
export const RANK_SPEECH: DateRank = 1;
export const RANK_PARAGRAPH: DateRank = 2;
export const RANK_INFERRED: DateRank = 3;

export interface PickedDate {
  readonly date: DateRange | null;
  readonly rank: DateRank;
}

/** How far back in its paragraph a date opening the paragraph still dates a sentence. */
const PARAGRAPH_REACH = 400;

/**
 * The event's date: the written event date closest to the trigger in its sentence, else the
 * date of a statement in it ("… said on Tuesday"), else a date earlier in the same paragraph
 * ("On March 26, … . A drone hit …"), else the publication date (`inferred`). Page stamps and
 * the starts of periods ("since 2014") never date an event. A date relative to "now"
 * ("overnight", "one day earlier") counts from the statement's day when the sentence gives one.
 *
 * @example pickDate(text, dates, window, '2020-11-10').date?.start // '2020-11-08'
 */
export function pickDate(
  text: string,
  dates: readonly DateMention[],
  w: Window,
  published: string | null,
): PickedDate {
  const inWindow = within(dates, w.start, w.end).filter((d) => d.role === 'event' || d.role === 'speech');
  const speech = inWindow.find((d) => d.role === 'speech' && d.offset === undefined);
  const best = closest(
    inWindow.filter((d) => d.role === 'event'),
    w,
  );
  if (best) return { date: reanchored(best, speech), rank: RANK_EVENT };
  if (speech) return { date: rangeOf(speech), rank: RANK_SPEECH };
  const opening = paragraphDate(text, dates, w.start);
  if (opening) return { date: rangeOf(opening), rank: RANK_PARAGRAPH };
  return { date: inferredDate(text.slice(w.start, w.end), published), rank: RANK_INFERRED };
}

function closest(dates: readonly DateMention[], w: Window): DateMention | undefined {
  let best: DateMention | undefined;
  let bestDistance = Infinity;
  for (const d of dates) {
    const distance = d.start >= w.triggerEnd ? d.start - w.triggerEnd : w.triggerStart - d.end;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

function rangeOf(d: DateMention): DateRange {
  return { start: d.from, end: d.to, precision: d.precision, text: d.text, inferred: false };
}

/** Phenomenon: "an overnight attack …, the spokesman said Wednesday": overnight is the night before Wednesday. */
function reanchored(d: DateMention, speech: DateMention | undefined): DateRange {
  const anchor = parseDay(speech?.from);
  if (!d.offset || anchor === null) return rangeOf(d);
  return {
    ...rangeOf(d),
    start: isoOf(anchor + d.offset.start),
    end: isoOf(anchor + d.offset.end),
  };
}

/** Phenomenon: a date that opens a paragraph dates the sentences after it in that paragraph. */
function paragraphDate(text: string, dates: readonly DateMention[], start: number): DateMention | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > PARAGRAPH_REACH) return undefined;
  const [first] = within(dates, lineStart, start);
  const lead = first ? text.slice(lineStart, first.start) : '';
  // Only a date that opens the paragraph ("On March 26, …", "- On 25 November, …").
  return first?.role === 'event' && /^[\s\p{P}]*(?:on|in|at|early|late|since)?\s*$/iu.test(lead)
    ? first
    : undefined;
}

function inferredDate(sentence: string, published: string | null): DateRange | null {
  const pub = parseDay(published);
  if (pub === null || published === null) return null;
  const hours = /\b(?:hours (?:after|before|earlier)|overnight|last night)\b/i.exec(sentence);
  if (hours)
    return { start: isoOf(pub - 1), end: published, precision: 'days', text: hours[0], inferred: true };
  return { start: published, end: published, precision: 'day', text: '', inferred: true };
}
