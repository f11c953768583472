/**
 * A jusText-style paragraph classifier, written for Truce. Each paragraph is judged alone
 * (phrase lists, length, stop-word density, link and symbol ratios), then in context: the
 * tail is trimmed first (everything after the last prose paragraph that is not itself prose),
 * furniture is dropped anywhere, and short or doubtful paragraphs between prose are kept —
 * losing an article sentence costs more than keeping a heading.
 */
import { isBoilerplatePhrase, isTeaserHeader } from './boilerplate-phrases.js';
import { isCaption } from './caption.js';
import { isDateLine } from './date-line.js';
import { isPrivacyNotice, isWidgetLine } from './furniture-lines.js';
import { isLabelLine } from './label-lines.js';
import { isTailProse, markHeadFurniture, markInterruptingCaptions } from './paragraph-context.js';
import { stopWordDensity } from './stop-words.js';

export type Verdict = 'good' | 'near' | 'short' | 'bad' | 'furniture';

const SHORT = 70;
const LONG = 140;
const DENSE = 0.25;
const SOME = 0.12;
/** Only this many words of a paragraph are counted (bounds the per-paragraph work). */
const MAX_WORDS = 5000;

const WORD = /[\p{L}\p{N}]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const LINKISH = /https?:\/\/|www\.|\S@\S|(?:^|\s)[#@]\w/g;
const SYMBOLS = /[|•·►▶»«→←■□◆●★☆✓✔]/g;
const ENDS_SENTENCE = /[.!?…:;"'”’)\]]\s*$/;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Each LINKISH match holds one of these; a paragraph with none has no match (a cheap pre-test). */
function mayHoldLinks(text: string): boolean {
  return text.includes('@') || text.includes('#') || text.includes('www.') || text.includes('http');
}

/** Whether a unit is page furniture by its wording or shape alone, wherever it stands. */
export function isFurnitureUnit(paragraph: string): boolean {
  return (
    isBoilerplatePhrase(paragraph) ||
    isWidgetLine(paragraph) ||
    isDateLine(paragraph) ||
    isCaption(paragraph) ||
    isLabelLine(paragraph) ||
    isPrivacyNotice(paragraph)
  );
}

/** A paragraph of at least SHORT characters that ends as a sentence. */
function sentenceVerdict(paragraph: string): Verdict {
  return paragraph.length >= LONG ? 'good' : 'near';
}

/** The paragraph's verdict from its own features. */
export function classifyParagraph(paragraph: string): Verdict {
  if (isFurnitureUnit(paragraph)) return 'furniture';
  const sample = paragraph.length > 50_000 ? paragraph.slice(0, 50_000) : paragraph;
  const links = mayHoldLinks(sample) ? countMatches(sample, LINKISH) : 0;
  const symbols = countMatches(sample, SYMBOLS);
  const isSentence = ENDS_SENTENCE.test(sample);
  // A paragraph ending as a sentence, without links or symbols, is prose whatever its words are
  // (the common case, decided without listing them).
  if (isSentence && paragraph.length >= SHORT && links === 0 && symbols === 0)
    return HAS_WORD.test(sample) ? sentenceVerdict(paragraph) : 'bad';
  const all = sample.match(WORD) ?? [];
  const words = all.length > MAX_WORDS ? all.slice(0, MAX_WORDS) : all;
  if (words.length === 0) return 'bad';
  if (links * 3 > words.length) return 'bad';
  if (symbols * 5 > words.length) return 'bad';
  if (paragraph.length < SHORT) return isSentence && words.length >= 3 ? 'near' : 'short';
  // A paragraph ending as a sentence is prose whatever its stop words; only others need the density.
  if (isSentence) return sentenceVerdict(paragraph);
  const density = stopWordDensity(words);
  if (paragraph.length >= LONG && density >= DENSE) return 'good';
  return density >= SOME ? 'near' : 'bad';
}

function isProse(verdict: Verdict | undefined): boolean {
  return verdict === 'good' || verdict === 'near';
}

/** Index just past the last paragraph that can end the story. */
function tailEnd(paragraphs: readonly string[], verdicts: readonly Verdict[]): number {
  let end = verdicts.length;
  while (end > 0 && !isTailProse(verdicts[end - 1], paragraphs[end - 1] ?? '')) end -= 1;
  return end;
}

/** Whether the nearest kept-worthy paragraphs on both sides of `at` are prose. */
function isBetweenProse(verdicts: readonly Verdict[], at: number): boolean {
  let before = at - 1;
  while (before >= 0 && verdicts[before] === 'short') before -= 1;
  let after = at + 1;
  while (after < verdicts.length && verdicts[after] === 'short') after += 1;
  return isProse(verdicts[before]) && isProse(verdicts[after]);
}

function keepsInContext(verdicts: readonly Verdict[], at: number): boolean {
  const verdict = verdicts[at];
  if (verdict === 'furniture') return false;
  if (verdict === 'bad') return isBetweenProse(verdicts, at);
  return true;
}

/** A teaser list holds a few headlines; the story resumes after it. */
const MAX_TEASERS = 10;
/** Headlines do not end with a full stop; a paragraph that does is the story again. */
const ENDS_STATEMENT = /[.!]["')\]]?\s*$/u;

function endsTeaserRun(paragraph: string, verdict: Verdict | undefined): boolean {
  return verdict === 'good' || (verdict === 'near' && ENDS_STATEMENT.test(paragraph));
}

/** Drop the run of short teasers that follows a "Related Articles" header. */
function dropTeaserRuns(paragraphs: readonly string[], verdicts: Verdict[]): void {
  for (let at = 0; at < paragraphs.length; at += 1) {
    if (!isTeaserHeader(paragraphs[at] ?? '')) continue;
    verdicts[at] = 'furniture';
    const stop = Math.min(paragraphs.length, at + 1 + MAX_TEASERS);
    for (
      let next = at + 1;
      next < stop && !endsTeaserRun(paragraphs[next] ?? '', verdicts[next]);
      next += 1
    ) {
      verdicts[next] = 'furniture';
    }
  }
}

/**
 * For text a main-content pass already chose (HTML): drop furniture by its wording and the
 * teasers after a "Related" header, keep everything else.
 */
export function dropFurniture(paragraphs: readonly string[]): string[] {
  const verdicts: Verdict[] = paragraphs.map((paragraph) =>
    isFurnitureUnit(paragraph) ? 'furniture' : 'good',
  );
  dropTeaserRuns(paragraphs, verdicts);
  return paragraphs.filter((_, at) => verdicts[at] !== 'furniture');
}

/** Keep the article's paragraphs of a plain-text document, in order. */
export function keepArticleParagraphs(paragraphs: readonly string[]): string[] {
  const verdicts = paragraphs.map(classifyParagraph);
  dropTeaserRuns(paragraphs, verdicts);
  markHeadFurniture(paragraphs, verdicts);
  markInterruptingCaptions(paragraphs, verdicts);
  const end = tailEnd(paragraphs, verdicts);
  const kept: string[] = [];
  for (let at = 0; at < end; at += 1) {
    if (keepsInContext(verdicts, at)) kept.push(paragraphs[at] ?? '');
  }
  return kept;
}
