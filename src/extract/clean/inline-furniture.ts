/**
 * Furniture glued into an article paragraph when a scraper loses the boundary between two page
 * elements (no space or line break between them):
 * - a teaser header and its headline at the start ("See alsoTalks resume in the capital" + the
 *   paragraph that follows, glued at `capital"The`);
 * - an agency dateline strip or a widget line at the end ("…the ministry said.AGENCY | City |
 *   Updated: 03-05-2021 10:20 IST", "…the ministry said.Loading comments ..."), or a teaser
 *   header there ("…the ministry said.ALSO READ"), which becomes a unit of its own;
 * - a syndication tag before a dateline ("(Syndicator- Some Network) CITY, May 3 (AGENCY) – …");
 * - an agency sign-off in capitals after the last sentence ("…every six months.– AGENCY-WIRE").
 * Only the furniture is cut; the paragraph's sentences stay as written.
 */
import { isTeaserHeader } from './boilerplate-phrases.js';
import { isCaption } from './caption.js';
import { isDateLine } from './date-line.js';
import { TEASER_HEADERS } from './furniture-lines.js';

/** A machine date stamp some captures put before the first line ("date 2021-05-03 "). */
const LEADING_STAMP = /^(?:date\s+)?\d{4}-\d{2}-\d{2}\s+/u;
/** A syndication tag: a short parenthesis right before a capitalised dateline. */
const SYNDICATION_TAG = /^\([^()]{2,60}\)\s+(?=\p{Lu}{3,})/u;
/** Where two elements were glued: a word or sentence end, then a capital or an opening quote. */
const GLUE = /[\p{Ll}.!?](?=["\p{Lu}])/gu;
/** An agency sign-off: a dash and a name in capitals right after the last sentence. */
const AGENCY_SIGNOFF = /(?<=[.!?]["')]?)\s*[–—-]{1,2}\s*[\p{Lu}\p{N}][\p{Lu}\p{N} /&.-]{1,30}$/u;
/** A glued teaser headline is short; a longer run is the paragraph itself. */
const MAX_TEASER = 160;
/** How far back from the end a glued dateline strip or widget line may start. */
const MAX_GLUED_TAIL = 120;
const GLUED_AFTER_SENTENCE = /[.!?]["')]?(?=\p{Lu})/gu;

/** A sign-off sits in the last few characters; only those are tested. */
const MAX_SIGNOFF = 40;

function cutAgencySignoff(text: string): string {
  const start = Math.max(0, text.length - MAX_SIGNOFF);
  const match = AGENCY_SIGNOFF.exec(text.slice(start));
  return match === null ? text : text.slice(0, start + match.index);
}

function splitStamp(paragraph: string): [string, string] {
  const stamp = LEADING_STAMP.exec(paragraph)?.[0] ?? '';
  return [stamp, paragraph.slice(stamp.length)];
}

/** The index where the glued teaser headline after a header ends, or -1 if none. */
function gluedEnd(text: string, from: number): number {
  GLUE.lastIndex = from;
  for (let match = GLUE.exec(text); match !== null; match = GLUE.exec(text)) {
    const end = match.index + 1;
    if (end > from + MAX_TEASER) return -1;
    if (end > from + 1) return end;
  }
  return -1;
}

function cutGluedTeaser(text: string): string {
  const lower = text.slice(0, 40).toLowerCase();
  const header = TEASER_HEADERS.find((phrase) => lower.startsWith(phrase));
  if (header === undefined || !/\p{Lu}/u.test(text.charAt(header.length))) return text;
  const end = gluedEnd(text, header.length);
  if (end < 0) return text.length - header.length <= MAX_TEASER ? '' : text;
  return text.slice(end);
}

/** Where the last element glued after a sentence end starts, in the last characters; -1 if none. */
function lastGlue(text: string): number {
  const start = Math.max(0, text.length - MAX_GLUED_TAIL);
  const tail = text.slice(start);
  let cut = -1;
  GLUED_AFTER_SENTENCE.lastIndex = 0;
  for (let match = GLUED_AFTER_SENTENCE.exec(tail); match !== null; match = GLUED_AFTER_SENTENCE.exec(tail)) {
    cut = start + match.index + match[0].length;
  }
  return cut;
}

/**
 * The paragraph and what was glued after its last sentence: a dateline strip or a widget line is
 * cut; a teaser header becomes a unit of its own, so the teasers after it are read as such.
 */
function splitGluedTail(text: string, isFurniture: (unit: string) => boolean): string[] {
  const cut = lastGlue(text);
  if (cut <= 0) return [text];
  const suffix = text.slice(cut);
  if (isTeaserHeader(suffix)) return [text.slice(0, cut), suffix];
  return isDateLine(suffix) || isFurniture(suffix) ? [text.slice(0, cut)] : [text];
}

/**
 * One paragraph with glued-in furniture cut out: usually one unit, two when a teaser header was
 * glued after the last sentence, none when the paragraph was only a glued teaser. A caption is
 * left whole (its credit marks the whole unit). `isFurniture` tells furniture units (the
 * classifier's test, passed in to keep this module below it).
 *
 * @example splitInlineFurniture('Both sides withdrew.AGENCY | City | Updated: 03-05-2021 10:20 IST', () => false)
 * // ['Both sides withdrew.']
 */
export function splitInlineFurniture(paragraph: string, isFurniture: (unit: string) => boolean): string[] {
  if (isCaption(paragraph)) return [paragraph];
  const [stamp, rest] = splitStamp(paragraph);
  const cut = cutGluedTeaser(rest.replace(SYNDICATION_TAG, ''));
  const [text = '', ...after] = splitGluedTail(cut, isFurniture);
  const body = cutAgencySignoff(text);
  const first = body === rest ? paragraph : `${stamp}${body}`.trim();
  return [first, ...after].filter((unit) => unit !== '');
}
