/**
 * Photo captions and credits that scraped text leaves between paragraphs. A caption is told by
 * its credit, wherever the caption's own words go: a parenthesised credit at its end ("(Agency
 * Photo/Jane Roe)"), a credit segment after its last sentence ("Photo: Agency / Jane Roe.",
 * "File photo by Jane Roe/MISSION"), a run of capitalised agency names joined by slashes
 * ("JANE ROE / AGENCY NEWS / PHOTOBANK", "Jane Roe/AGENCY"), an opener such as "Representative
 * image", or a gallery step ("Image 2 of 7"). The
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
const SEPARATOR = [...words.photoSeparators].sort((a, b) => b.length - a.length).join('|');
const PAREN_WORDS = [...words.photoWords, ...words.parenCreditWords].join('|');

const PAREN_CREDIT = new RegExp(
  `\\([^()]{0,40}(?<!\\p{L})(?:${PAREN_WORDS})(?!\\p{L})[^()]{0,60}\\)\\s*\\.?$`,
  'iu',
);
const CREDIT_SEGMENT = new RegExp(
  `(?:^|[.!?]\\s*|\\s[-–—|]\\s)(?:(?:${OPENER})\\s+)?(?:${PHOTO})\\s*(?::|\\s+(?:${SEPARATOR})(?!\\p{L})\\s*:?|©|/)[^!?]{1,${MAX_CREDIT}}$`,
  'iu',
);
const OPENER_LINE = new RegExp(`^(?:${OPENER})\\s+(?:${PHOTO})(?!\\p{L})`, 'iu');
const GALLERY_STEP = new RegExp(
  `^(?:${words.gallerySteps.join('|')})\\s+\\d{1,3}\\s*(?:of|/|из|de|von)\\s*\\d{1,3}$`,
  'iu',
);
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

function isCapitalsName(part: string): boolean {
  return LETTER.test(part) && !LOWER.test(part) && part.split(/\s+/u).length <= MAX_CREDIT_WORDS;
}

/** "Jane Roe": a few words, each capitalised. */
function isPersonName(part: string): boolean {
  const names = part.split(/\s+/u);
  return names.length <= MAX_CREDIT_WORDS && names.every((name) => /^\p{Lu}[\p{L}.'’-]*$/u.test(name));
}

/**
 * A credit after the caption's last sentence: capitalised names joined by slashes ("JANE ROE /
 * AGENCY NEWS / PHOTOBANK"), or a person and an agency in capitals ("Jane Roe/AGENCY").
 */
function isSlashCredit(text: string): boolean {
  if (!text.includes('/')) return false;
  const segment = lastSegment(text).trim().replace(/\.$/u, '');
  if (segment.length > MAX_CREDIT) return false;
  const parts = segment.split('/').map((part) => part.trim());
  if (parts.length < 2) return false;
  if (parts.every(isCapitalsName)) return true;
  return isCapitalsName(parts.at(-1) ?? '') && parts.slice(0, -1).every(isPersonName);
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
    (text.includes(')') && PAREN_CREDIT.test(text)) ||
    CREDIT_SEGMENT.test(text) ||
    OPENER_LINE.test(text) ||
    GALLERY_STEP.test(text) ||
    isSlashCredit(text)
  );
}
