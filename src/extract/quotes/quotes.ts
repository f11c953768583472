import type { Quote } from '../schema.js';
import type { Sentence } from '../text/sentences.js';
import { sentenceAt, sentenceIndexAt } from '../text/sentences.js';
import { firstAtOrAfter, within } from '../text/ranges.js';
import { attribute, type Attribution, type AttributionContext } from './attribution.js';
import type { Candidate } from './candidates.js';
import { findIndirect } from './indirect.js';
import type { QuotedSpan } from './quoted-spans.js';

interface Found {
  readonly span: QuotedSpan;
  readonly speaker: Candidate | 'crowd' | null;
  readonly partial: boolean;
}

/**
 * Direct quotes with their speakers, then indirect speech ("X said that …", `direct: false`).
 * A quote with no attribution of its own takes the speaker of the quote before it in the same
 * sentence ("…," said X, adding, "…") or of the paragraph before it when it opens a paragraph.
 *
 * @example findQuotes(ctx).map((q) => q.speaker)
 */
export function findQuotes(ctx: AttributionContext): Quote[] {
  const found: Found[] = [];
  let lastSpeaker: Candidate | null = null;
  for (const span of ctx.spans) {
    const prev = found[found.length - 1];
    const a = attribute(
      ctx,
      span,
      prev && sameSentence(ctx.sentences, prev.span, span) ? prev.span.close + 1 : 0,
    );
    const speaker = resolve(ctx, a, lastSpeaker, prev, span);
    if (speaker && speaker !== 'crowd' && speaker.kind === 'person') lastSpeaker = speaker;
    if (isWorthKeeping(ctx.text, span, speaker)) found.push({ span, speaker, partial: a.partial });
  }
  const direct = found.map((f) => present(ctx.text, f));
  return [...direct, ...findIndirect(ctx, lastSpeakerBefore(found))].sort((x, y) => x.start - y.start);
}

function resolve(
  ctx: AttributionContext,
  a: Attribution,
  lastSpeaker: Candidate | null,
  prev: Found | undefined,
  span: QuotedSpan,
): Candidate | 'crowd' | null {
  if (a.how === 'crowd') return 'crowd';
  if (a.how !== 'none') {
    if (a.speaker.kind !== 'pronoun') return a.speaker;
    return (
      subjectOfPreviousSentence(ctx, a.speaker.start) ?? lastSpeaker ?? lastPersonBefore(ctx, a.speaker.start)
    );
  }
  if (!prev) return null;
  if (sameSentence(ctx.sentences, prev.span, span) || opensParagraphAfter(ctx, prev.span, span))
    return prev.speaker;
  return null;
}

/** "Ruiz said … . “…,” he told reporters": the first person named in the sentence before. */
function subjectOfPreviousSentence(ctx: AttributionContext, offset: number): Candidate | null {
  const index = sentenceIndexAt(ctx.sentences, offset);
  const here = ctx.sentences[index];
  const previous = index > 0 ? ctx.sentences[index - 1] : undefined;
  if (!previous || !here) return null;
  const sameSentence = within(ctx.candidates, here.start, offset).find((c) => c.kind === 'person');
  if (sameSentence) return sameSentence;
  return within(ctx.candidates, previous.start, previous.end).find((c) => c.kind === 'person') ?? null;
}

function lastPersonBefore(ctx: AttributionContext, offset: number): Candidate | null {
  const end = firstAtOrAfter(ctx.candidates, offset);
  for (let i = end - 1; i >= 0 && i >= end - 200; i--) {
    const c = ctx.candidates[i];
    if (c?.kind === 'person') return c;
  }
  return null;
}

function sameSentence(sentences: readonly Sentence[], a: QuotedSpan, b: QuotedSpan): boolean {
  const s = sentenceAt(sentences, a.close);
  return s !== undefined && b.open < s.end + 2 && b.open >= s.start;
}

function opensParagraphAfter(ctx: AttributionContext, prev: QuotedSpan, span: QuotedSpan): boolean {
  const between = ctx.text.slice(prev.close + 1, span.open);
  return /^[\s.,]*\n[\s]*$/.test(between);
}

function isWorthKeeping(text: string, span: QuotedSpan, speaker: Candidate | 'crowd' | null): boolean {
  const words = text.slice(span.open + 1, span.close).match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return false;
  if (speaker === 'crowd') return true;
  const isName = words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w));
  if (isName) return false;
  return speaker !== null || words.length >= 3;
}

function present(text: string, f: Found): Quote {
  let end = f.span.close;
  const start = f.span.open + 1;
  while (end > start && /[\s,]/.test(text[end - 1] ?? '')) end--;
  const speaker = f.speaker === 'crowd' ? 'crowd' : (f.speaker?.name ?? null);
  const speakerId = f.speaker === 'crowd' || !f.speaker ? null : f.speaker.id;
  return { speaker, speakerId, text: text.slice(start, end), direct: true, partial: f.partial, start, end };
}

function lastSpeakerBefore(found: readonly Found[]): (offset: number) => Candidate | null {
  const people = found.filter(
    (f): f is Found & { speaker: Candidate } =>
      f.speaker !== null && f.speaker !== 'crowd' && f.speaker.kind === 'person',
  );
  return (offset) => {
    let lo = 0;
    let hi = people.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((people[mid]?.span.open ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return people[lo - 1]?.speaker ?? null;
  };
}
