/**
 * Photo captions and credits that scraped text leaves between paragraphs. A caption is told by
 * its credit, wherever the caption's own words go: a parenthesised credit at its end ("(Agency
 * Photo/Jane Roe)"), a credit segment after its last sentence ("Photo: Agency / Jane Roe.",
 * "File photo by Jane Roe/MISSION"), a run of capitalised agency names joined by slashes
 * ("JANE ROE / AGENCY NEWS / PHOTOBANK"), or an opener such as "Representative image". The
 * whole unit goes: the caption's words describe a picture, not the story.
 */
import words from './data/furniture-words.json' with { type: 'json' };

/** Captions run to a few sentences; longer units are the story. */
const MAX_CAPTION = 600;
/** A credit is a few names at most. */
const MAX_CREDIT = 80;
const MAX_CREDIT_WORDS = 4;

const PHOTO = words.photoWords.join('|');
const OPENER = words.captionOpeners.join('|');

const PAREN_CREDIT = new RegExp(
  `\\([^()]{0,40}(?<!\\p{L})(?:${PHOTO})(?!\\p{L})[^()]{0,60}\\)\\s*\\.?$`,
  'iu',
);
const CREDIT_SEGMENT = new RegExp(
  `(?:^|[.!?]\\s*|\\s[-–—|]\\s)(?:(?:${OPENER})\\s+)?(?:${PHOTO})\\s*(?::|\\s+by(?!\\p{L})|©|/)[^!?]{1,${MAX_CREDIT}}$`,
  'iu',
);
const OPENER_LINE = new RegExp(`^(?:${OPENER})\\s+(?:${PHOTO})(?!\\p{L})`, 'iu');
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/** The text after the last dash or sentence end, where a trailing credit sits. */
function lastSegment(text: string): string {
  const cut = Math.max(
    text.lastIndexOf(' – '),
    text.lastIndexOf(' - '),
    text.lastIndexOf(' | '),
    text.lastIndexOf('. '),
  );
  return cut < 0 ? text : text.slice(cut + 2);
}

/** "JANE ROE / AGENCY NEWS / PHOTOBANK": two or more capitalised names joined by slashes. */
function isCapitalCredit(text: string): boolean {
  const segment = lastSegment(text).trim();
  if (segment.length > MAX_CREDIT) return false;
  const parts = segment.split('/').map((part) => part.trim());
  if (parts.length < 2) return false;
  return parts.every(
    (part) => LETTER.test(part) && !LOWER.test(part) && part.split(/\s+/u).length <= MAX_CREDIT_WORDS,
  );
}

/**
 * Whether a unit is a photo caption or credit.
 *
 * @example isCaption('Monitors inspect a crater near the road. Photo: Agency / Jane Roe.') // true
 * @example isCaption('The monitors inspected the crater on Monday.') // false
 */
export function isCaption(unit: string): boolean {
  const text = unit.trim();
  if (text === '' || text.length > MAX_CAPTION) return false;
  return (
    PAREN_CREDIT.test(text) || CREDIT_SEGMENT.test(text) || OPENER_LINE.test(text) || isCapitalCredit(text)
  );
}
