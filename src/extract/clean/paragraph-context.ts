/**
 * Context rules of the plain-text classifier: where a line sits in the page says what it is.
 * - Head furniture: before the story's first full paragraph, a line of at most three words is a
 *   section label ("All news"), a byline ("Staff Writer"), a reading time or a widget — a
 *   headline has more words — and a line opening with "By Name", or a name with a newsroom role
 *   ("Jane Roe, Staff Correspondent"), is a byline.
 * - Interrupting captions: once the story has started, a line of 9–25 words that does not end
 *   like a sentence, with story paragraphs still to come, is a caption or a teaser left
 *   between paragraphs (subheadings are shorter and stay), and so is one of 6–8 words opening
 *   with an indefinite article ("A boy walks past the ruins"); so is a short line in capitals only
 *   (an agency or credit line). List items and lines with a figure are not captions.
 * - Tail: the story ends with a sentence; headline-like lines after it (unterminated, at most
 *   25 words) are teasers, however many stop words they hold. A longer unterminated paragraph
 *   is the story cut short by the capture and stays, and so does a bulletin's last list item
 *   with a figure ("- 12 explosions east of the town"); a menu of bare list items does not.
 */
import words from './data/furniture-words.json' with { type: 'json' };
import { isCapitalsLine } from './label-lines.js';
import { isStopWord } from './stop-words.js';
import type { Verdict } from './paragraph-classifier.js';

const HEAD_MAX_WORDS = 3;
const BYLINE_MAX_WORDS = 8;
const CAPTION_MIN_WORDS = 9;
const CAPTION_MAX_WORDS = 25;

const ENDS_SENTENCE = /[.!?…:;"'”’)\]]\s*$/u;
const LEADING_STAMP = /^(?:date\s+)?\d{4}-\d{2}-\d{2}\s+/u;
const WORD = /[\p{L}\p{N}]\S*/gu;
const BYLINE = new RegExp(`^(?:${words.bylineOpeners.join('|')})\\s+\\p{Lu}`, 'iu');
/** "Jane Roe, Senior Correspondent": a name, a comma and a newsroom role. */
const BYLINE_ROLE = new RegExp(`,\\s*(?:\\p{L}+\\s+){0,2}(?:${words.bylineRoles.join('|')})(?!\\p{L})`, 'iu');

/** Whether a line ends like a sentence (or a quotation, or a parenthesis). */
export function isTerminated(text: string): boolean {
  return ENDS_SENTENCE.test(text);
}

/** Words of a line ("site.org" is one), a leading machine date stamp not counted. */
function wordCount(text: string): number {
  return text.replace(LEADING_STAMP, '').slice(0, 2000).match(WORD)?.length ?? 0;
}

function isHeadFurniture(text: string): boolean {
  const count = wordCount(text);
  if (count <= HEAD_MAX_WORDS) return true;
  if (count > BYLINE_MAX_WORDS || isTerminated(text)) return false;
  const line = text.replace(LEADING_STAMP, '');
  return BYLINE.test(line) || BYLINE_ROLE.test(line);
}

/** A sentence of the story, not a headline: at least this many words and a sentence end. */
const STORY_SENTENCE_WORDS = 6;

/** Whether a unit is a paragraph of the story: a full one, or a sentence of some length. */
function isStoryParagraph(verdict: Verdict | undefined, text: string): boolean {
  if (verdict === 'good') return true;
  return verdict === 'near' && isTerminated(text) && wordCount(text) >= STORY_SENTENCE_WORDS;
}

/** Index of the story's first paragraph (-1 when there is none). */
function storyStart(paragraphs: readonly string[], verdicts: readonly Verdict[]): number {
  return verdicts.findIndex((verdict, at) => isStoryParagraph(verdict, paragraphs[at] ?? ''));
}

/** Index of the story's last paragraph (-1 when there is none). */
function storyEnd(paragraphs: readonly string[], verdicts: readonly Verdict[]): number {
  for (let at = verdicts.length - 1; at >= 0; at -= 1) {
    if (isStoryParagraph(verdicts[at], paragraphs[at] ?? '')) return at;
  }
  return -1;
}

/** Mark the head's short lines and bylines as furniture (before the story's first paragraph). */
export function markHeadFurniture(paragraphs: readonly string[], verdicts: Verdict[]): void {
  const first = storyStart(paragraphs, verdicts);
  for (let at = 0; at < first; at += 1) {
    if (verdicts[at] !== 'furniture' && isHeadFurniture(paragraphs[at] ?? '')) verdicts[at] = 'furniture';
  }
}

/** A list item ("- 12 explosions near the bridge", "3) Patrols resumed"): bulletins write facts so. */
const LIST_ITEM = /^(?:[-–—•*▪◦·]|\p{Nd}{1,2}[.)])\s/u;
const DIGIT = /\p{Nd}/u;
const FACT_ITEM_WORDS = 4;
const ARTICLE_CAPTION_MIN_WORDS = 6;
const CAPTION_ARTICLE = new RegExp(`^(?:${words.captionArticles.join('|')})\\s+\\p{L}`, 'iu');

/** A list item with a figure and a few words ("- 83 explosions east of the town"): a bulletin's fact. */
function isFactItem(text: string): boolean {
  return LIST_ITEM.test(text) && DIGIT.test(text) && wordCount(text) >= FACT_ITEM_WORDS;
}

function isCaptionShaped(text: string): boolean {
  if (LIST_ITEM.test(text)) return false;
  if (isCapitalsLine(text)) return true;
  // A line with a figure is left alone: bulletins' unterminated lines carry the counts.
  if (DIGIT.test(text) || isTerminated(text)) return false;
  const count = wordCount(text);
  if (count > CAPTION_MAX_WORDS) return false;
  // "A man walks past …": a photo's subject with an indefinite article, shorter than most captions.
  return count >= CAPTION_MIN_WORDS || (count >= ARTICLE_CAPTION_MIN_WORDS && CAPTION_ARTICLE.test(text));
}

const LAST_WORD = /([\p{L}]+)[^\p{L}]*$/u;
const OPENS_LOWER = /^\s*\p{Ll}/u;
const ENDS_OPEN = /[,\-–—]\s*$/u;

/**
 * Phenomenon: plain text hard-wrapped at a fixed width (mail, transcripts, converted PDFs), where
 * one sentence runs over several lines. A line that ends on a comma, a dash or a word no sentence
 * ends on ("the", "of", "a"), or whose next line goes on in lower case, is the first part of a
 * sentence, never a caption.
 */
function continuesOnNextLine(text: string, next: string | undefined): boolean {
  if (next !== undefined && OPENS_LOWER.test(next)) return true;
  if (ENDS_OPEN.test(text)) return true;
  const last = LAST_WORD.exec(text)?.[1];
  return last !== undefined && last === last.toLowerCase() && isStopWord(last);
}

/** Mark unterminated caption-length lines inside the story as furniture. */
export function markInterruptingCaptions(paragraphs: readonly string[], verdicts: Verdict[]): void {
  const first = storyStart(paragraphs, verdicts);
  const last = storyEnd(paragraphs, verdicts);
  for (let at = first + 1; first >= 0 && at < last; at += 1) {
    const text = paragraphs[at] ?? '';
    if (verdicts[at] === 'furniture' || !isCaptionShaped(text)) continue;
    if (!continuesOnNextLine(text, paragraphs[at + 1])) verdicts[at] = 'furniture';
  }
}

/** Whether a line may end the story: a full paragraph, or a shorter one ending like a sentence. */
export function isTailProse(verdict: Verdict | undefined, text: string): boolean {
  if (verdict === 'good') return true;
  if (isFactItem(text) && (verdict === 'near' || verdict === 'short')) return true;
  return verdict === 'near' && (isTerminated(text) || wordCount(text) > CAPTION_MAX_WORDS);
}
