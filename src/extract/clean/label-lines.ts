/**
 * Labelled metadata lines and bare lists of labels:
 * - a line opening with a tag, category or author label and a colon or bar ("Topics: Truce,
 *   Patrols", "Category | World", "Author: Jane Roe"), labels in several languages in
 *   `data/furniture-words.json`; or a short unterminated "Posted in World, Africa" line;
 * - a tag or category strip: three or more short capitalised items between separators and no
 *   sentence ("World | Africa | Peacekeeping", "#Truce #Patrols #Monitors"), breadcrumbs included
 *   ("Home > World > Africa");
 * - an agency or section line in capitals inside the story ("STAFF REPORT", "WIRE SERVICES"):
 *   see `isCapitalsLine`.
 */
import words from './data/furniture-words.json' with { type: 'json' };

const MAX_LABEL_LINE = 300;
const MAX_STRIP = 150;
const MIN_STRIP_ITEMS = 3;
const MAX_ITEM_WORDS = 3;
const MAX_CAPITALS_WORDS = 8;

const escape = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LABELS = [...words.tagLabels, ...words.authorLabels].sort((a, b) => b.length - a.length).map(escape);
const LABELLED = new RegExp(`^(?:${LABELS.join('|')})\\s*[:|]`, 'iu');
const CATEGORY_LEAD = new RegExp(`^(?:${words.categoryLeads.map(escape).join('|')})\\s+`, 'iu');
const MAX_CATEGORY_LINE = 100;
const STRIP_SEPARATOR = /\s*[|•·/>›]\s*|\s+(?=#)/u;
const ITEM = /^#?[\p{Lu}\p{N}][\p{L}\p{N}'’.&-]*(?:\s+[\p{L}\p{N}'’.&-]+){0,2}$/u;
const ENDS_SENTENCE = /[.!?…]\s*$/u;

/** "Posted in World, Africa": a category lead, then a capitalised name, and no sentence end. */
function isCategoryLine(text: string): boolean {
  if (text.length > MAX_CATEGORY_LINE || ENDS_SENTENCE.test(text)) return false;
  const lead = CATEGORY_LEAD.exec(text);
  return lead !== null && /[\p{Lu}#]/u.test(text.charAt(lead[0].length));
}

function isLabelStrip(text: string): boolean {
  if (text.length > MAX_STRIP || ENDS_SENTENCE.test(text)) return false;
  const items = text.split(STRIP_SEPARATOR).filter((item) => item !== '');
  if (items.length < MIN_STRIP_ITEMS) return false;
  return items.every((item) => item.split(/\s+/u).length <= MAX_ITEM_WORDS && ITEM.test(item));
}

/**
 * Whether a line is a tag, category or author line.
 *
 * @example isLabelLine('Topics: Ceasefire, Monitoring, Prisoners') // true
 * @example isLabelLine('Talks resumed in the capital, the envoy said.') // false
 */
export function isLabelLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > MAX_LABEL_LINE) return false;
  return LABELLED.test(text) || isCategoryLine(text) || isLabelStrip(text);
}

/**
 * Whether a line is written in capitals only and is short and unterminated: an agency, credit or
 * section line when it stands inside the story.
 *
 * @example isCapitalsLine('WIRE SERVICES / STAFF') // true
 */
export function isCapitalsLine(line: string): boolean {
  const text = line.trim();
  if (!/\p{Lu}/u.test(text) || /\p{Ll}/u.test(text) || ENDS_SENTENCE.test(text)) return false;
  return text.split(/\s+/u).length <= MAX_CAPITALS_WORDS;
}
