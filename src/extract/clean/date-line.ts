/**
 * Page-date lines: a header or byline strip that holds only a date, a time and a word or two
 * ("Thursday, March 3rd | 29 Adar I 5782", "12 May 2021, 14:05", "Posted: Jun 02, 2013 11:09 AM",
 * "AGENCY | City | Updated: 03-05-2021 10:20 IST"). Month and weekday names come from the
 * platform's ICU data for the locales and calendars listed in `data/furniture-words.json`, so a
 * header in the Hebrew, Islamic or Persian calendar is read as a date like a Gregorian one.
 */
import words from './data/furniture-words.json' with { type: 'json' };

/** A date line is short; anything longer is a sentence that happens to hold a date. */
const MAX_DATE_LINE = 120;
/** At most this many words that are not part of a date (an agency, a city). */
const MAX_OTHER_WORDS = 2;

const TOKEN_SPLIT = /[\s,|/•·–—:;()[\]]+/u;
const NUMBER = /^\p{Nd}{1,4}(?:st|nd|rd|th|er|e|го|-го)?\.?$/u;
const NUMERIC_DATE = /^\p{Nd}{1,4}([-./])\p{Nd}{1,2}\1\p{Nd}{1,4}\.?$/u;
const TIME = /^\p{Nd}{1,2}[:.h]\p{Nd}{2}(?::\p{Nd}{2})?(?:am|pm)?$/u;
const HAS_LETTER = /\p{L}/u;

function namesOf(locale: string, options: Intl.DateTimeFormatOptions, part: 'month' | 'weekday'): string[] {
  const names: string[] = [];
  const format = new Intl.DateTimeFormat(locale, options);
  // Every tenth day over thirteen months meets every month of every calendar listed.
  for (let day = 0; day < 400; day += part === 'month' ? 10 : 1) {
    if (part === 'weekday' && day >= 7) break;
    for (const piece of format.formatToParts(new Date(Date.UTC(2022, 0, 1 + day)))) {
      if (piece.type === part) names.push(piece.value);
    }
  }
  return names;
}

function calendarNames(): ReadonlySet<string> {
  const names: string[] = [];
  const locales = [...words.dateLocales, ...words.dateCalendars.map((calendar) => `en-u-ca-${calendar}`)];
  for (const locale of locales) {
    for (const month of ['long', 'short'] as const) {
      names.push(...namesOf(locale, { month, day: 'numeric', timeZone: 'UTC' }, 'month'));
      names.push(...namesOf(locale, { month, timeZone: 'UTC' }, 'month'));
    }
    for (const weekday of ['long', 'short'] as const) {
      names.push(...namesOf(locale, { weekday, timeZone: 'UTC' }, 'weekday'));
    }
  }
  // Month names of several words ("Adar I", "Jumada II") count word by word.
  const tokens = names.flatMap((name) => name.toLowerCase().split(TOKEN_SPLIT));
  return new Set(tokens.map((token) => token.replace(/\.$/u, '')).filter((token) => HAS_LETTER.test(token)));
}

let calendarWords: ReadonlySet<string> | null = null;
const STAMP_WORDS: ReadonlySet<string> = new Set(words.dateStampWords);

function isCalendarWord(token: string): boolean {
  calendarWords ??= calendarNames();
  const bare = token.replace(/\.$/u, '');
  return calendarWords.has(bare) || STAMP_WORDS.has(bare);
}

interface DateTokens {
  readonly anchors: number;
  readonly names: number;
  readonly numbers: number;
  readonly others: number;
}

/** The line's tokens by sort; counting stops once `others` passes `maxOthers` (no date line then). */
function countTokens(text: string, maxOthers: number): DateTokens {
  let anchors = 0;
  let names = 0;
  let numbers = 0;
  let others = 0;
  for (const raw of text.toLowerCase().split(TOKEN_SPLIT)) {
    if (others > maxOthers) break;
    const token = raw.replace(/^[.'"]+|['"]+$/gu, '');
    if (token === '') continue;
    if (NUMERIC_DATE.test(token) || TIME.test(token)) anchors += 1;
    else if (NUMBER.test(token)) numbers += 1;
    else if (isCalendarWord(token)) names += 1;
    else if (HAS_LETTER.test(token) || /\p{Nd}/u.test(token)) others += 1;
  }
  return { anchors, names, numbers, others };
}

/**
 * Whether a line is only a date (with a time, an agency or a city at most).
 *
 * @example isDateLine('Sunday, 4 April 2021 | 22 Nisan 5781') // true
 * @example isDateLine('The truce began on 4 April 2021.') // false
 */
export function isDateLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > MAX_DATE_LINE) return false;
  const tokens = countTokens(text, MAX_OTHER_WORDS);
  const isDated = tokens.anchors > 0 || (tokens.names > 0 && tokens.numbers > 0);
  const dateTokens = tokens.anchors + tokens.names + tokens.numbers;
  return isDated && tokens.others <= MAX_OTHER_WORDS && tokens.others <= dateTokens;
}
