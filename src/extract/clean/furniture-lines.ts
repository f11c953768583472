/**
 * Lines that page widgets leave in scraped text, told by their wording (language data in
 * `data/furniture-words.json`) and their shape:
 * - widget labels: "Listen Live", "Loading comments ...", "Comments are closed", "Back to
 *   headlines", "This post is also available in: …", "Representative image";
 * - reading-time lines: "4 Min Read";
 * - font-size controls: "-A +A", "A- A A+";
 * - social-media promotion: a line that points the reader to the outlet's accounts ("Follow us
 *   on …", "You can also find us on …") — a network named in a sentence about the news stays;
 * - contact lines: an invitation to write in with an e-mail address;
 * - media-bank lines and syndication disclaimers ("… auto-generated from a syndicated feed");
 * - privacy and data-protection notices in many languages: a data-protection term with a
 *   consent phrase (a short notice), or two terms with one (a long one); in a non-Latin script,
 *   a short paragraph that names "cookie" or "GDPR" in Latin letters.
 * Each test reads a bounded prefix of one line.
 */
import words from './data/furniture-words.json' with { type: 'json' };
import { anyOfLiterals, escapeRegExp } from '../text/literals.js';

/** Widget lines are short; past this a line is a sentence that starts with the same words. */
const MAX_WIDGET = 100;
/** Words a widget label may carry after its phrase ("Listen Live Sports"). */
const MAX_WIDGET_TAIL_WORDS = 4;
const MAX_PROMO = 250;
const MAX_CONTACT = 200;
const MAX_MARKED_LINE = 250;
const MAX_SHORT_NOTICE = 400;
const MAX_LONG_NOTICE = 1000;

const WIDGETS: readonly string[] = [...words.widgetLines].sort((a, b) => b.length - a.length);
const READING_TIME = new RegExp(`^\\d{1,3}\\s*(?:${words.readingTimeWords.join('|')})\\.?$`, 'iu');
const READING_TIME_LABEL = new RegExp(
  `^(?:${words.readingTimeLabels.join('|')})\\s*:?\\s*\\d{1,3}\\s*\\p{L}{0,12}\\.?$`,
  'iu',
);
const FONT_CONTROLS = /^(?:[-+−–]?\s*a\s*[-+−–]?\s*){2,4}$/iu;
const NETWORK = new RegExp(
  `(?<!\\p{L})(?:${words.socialNetworks.map(escapeRegExp).join('|')})(?!\\p{L})`,
  'u',
);
/** An address around its "@" (one character before it is enough), or a page's hidden-address mark. */
const EMAIL = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.\p{L}{2,}|\[email\s*protected\]/iu;

/** Each cue list as one pattern: whether a line holds any of its phrases, in one scan. */
const PROMO_CUES = anyOfLiterals(words.promoCues);
const CONTACT_CUES = anyOfLiterals(words.contactCues);
const MEDIA_BANK_WORDS = anyOfLiterals(words.mediaBankWords);
const MARKED_LINES = anyOfLiterals(words.markedLines);
const CONSENT_CUES = anyOfLiterals(words.consentCues);

function isWidgetLabel(lower: string): boolean {
  if (lower.length > MAX_WIDGET) return false;
  const phrase = WIDGETS.find(
    (widget) => lower.startsWith(widget) && !/\p{L}/u.test(lower.charAt(widget.length)),
  );
  if (phrase === undefined) return false;
  const tail = lower.slice(phrase.length).match(/\p{L}+/gu) ?? [];
  return tail.length <= MAX_WIDGET_TAIL_WORDS;
}

function isSocialPromotion(lower: string): boolean {
  return lower.length <= MAX_PROMO && PROMO_CUES.test(lower) && NETWORK.test(lower);
}

function isContactLine(lower: string): boolean {
  if (lower.length > MAX_CONTACT || !(lower.includes('@') || lower.includes('[email'))) return false;
  return EMAIL.test(lower) && CONTACT_CUES.test(lower);
}

/** Media-bank links and the marks of syndication disclaimers and layout notes, anywhere in a short line. */
function isMarkedLine(lower: string): boolean {
  return lower.length <= MAX_MARKED_LINE && (MEDIA_BANK_WORDS.test(lower) || MARKED_LINES.test(lower));
}

/** A cookie or GDPR notice in a script other than Latin still names "cookie" in Latin letters. */
function isForeignScriptCookieNotice(paragraph: string): boolean {
  if (paragraph.length > MAX_SHORT_NOTICE || !/cookie|gdpr/iu.test(paragraph)) return false;
  const letters = paragraph.match(/\p{L}/gu)?.length ?? 0;
  const latin = paragraph.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters > 0 && latin * 2 < letters;
}

/** Whether a paragraph is a privacy or data-protection notice (read up to MAX_LONG_NOTICE). */
export function isPrivacyNotice(paragraph: string): boolean {
  if (paragraph.length > MAX_LONG_NOTICE) return false;
  if (isForeignScriptCookieNotice(paragraph)) return true;
  const lower = paragraph.toLowerCase();
  if (!CONSENT_CUES.test(lower)) return false;
  const terms = words.privacyTerms.filter((term) => lower.includes(term)).length;
  return terms >= 2 || (terms === 1 && lower.length <= MAX_SHORT_NOTICE);
}

/**
 * Whether one line is a page widget's text rather than the article's.
 *
 * @example isWidgetLine('Follow us on Telegram and Facebook for more updates.') // true
 * @example isWidgetLine('The group said on Telegram that two fighters were killed.') // false
 */
export function isWidgetLine(line: string): boolean {
  const text = line.trim().slice(0, MAX_PROMO + 1);
  const lower = text.toLowerCase();
  return (
    isWidgetLabel(lower) ||
    READING_TIME.test(text) ||
    READING_TIME_LABEL.test(text) ||
    FONT_CONTROLS.test(text) ||
    isSocialPromotion(lower) ||
    isContactLine(lower) ||
    isMarkedLine(lower)
  );
}

/** Lower-case headers after which the lines are other stories' teasers ("Also read"). */
export const TEASER_HEADERS: readonly string[] = [...words.teaserHeaders].sort((a, b) => b.length - a.length);
