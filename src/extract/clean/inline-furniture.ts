/**
 * Furniture glued into an article paragraph when a scraper loses the boundary between two page
 * elements (no space or line break between them):
 * - a teaser header and its headline at the start ("See alsoTalks resume in the capital" + the
 *   paragraph that follows, glued at `capital"The`);
 * - an agency dateline strip at the end ("…the ministry said.AGENCY | City | Updated: 03-05-2021
 *   10:20 IST");
 * - a syndication tag before a dateline ("(Syndicator- Some Network) CITY, May 3 (AGENCY) – …");
 * - an agency sign-off in capitals after the last sentence ("…every six months.– AGENCY-WIRE").
 * Only the furniture is cut; the paragraph's sentences stay as written.
 */
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
/** How far back from the end a glued dateline strip may start. */
const MAX_DATELINE = 120;

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

function cutGluedDateline(text: string): string {
  const start = Math.max(0, text.length - MAX_DATELINE);
  const tail = text.slice(start);
  const glued = /[.!?]["')]?(?=\p{Lu}[^.!?]*$)/u.exec(tail);
  if (glued === null) return text;
  const cut = start + glued.index + glued[0].length;
  return isDateLine(text.slice(cut)) ? text.slice(0, cut) : text;
}

/**
 * One paragraph with glued-in furniture cut out.
 *
 * @example stripInlineFurniture('Both sides withdrew.AGENCY | City | Updated: 03-05-2021 10:20 IST')
 * // 'Both sides withdrew.'
 */
export function stripInlineFurniture(paragraph: string): string {
  const [stamp, rest] = splitStamp(paragraph);
  const text = cutAgencySignoff(cutGluedDateline(cutGluedTeaser(rest.replace(SYNDICATION_TAG, ''))));
  return text === rest ? paragraph : `${stamp}${text}`.trim();
}
