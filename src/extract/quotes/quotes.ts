import type { Quote } from '../schema.js';
import type { Sentence } from '../text/sentences.js';
import { sentenceAt } from '../text/sentences.js';
import { attribute, type Attribution, type AttributionContext } from './attribution.js';
import type { Candidate } from './candidates.js';
import type { QuotedSpan } from './quoted-spans.js';
import { findReported, type RawQuote } from './reported.js';
import { resolveSpeakers, type Resolved } from './resolve-speakers.js';

interface Found {
  readonly span: QuotedSpan;
  readonly speaker: Candidate | 'crowd' | null;
  readonly partial: boolean;
}

/**
 * Direct quotes with their speakers, and indirect speech ("X said that …", "…, X said",
 * "According to X, …", `direct: false`). A quote with no attribution of its own takes the
 * speaker of the quote before it in the same sentence ("…," said X, adding, "…") or of the
 * paragraph before it when it opens a paragraph; pronouns and documents ("he added", "the
 * statement said") are resolved in text order to the last compatible speaker.
 *
 * @example findQuotes(ctx).map((q) => q.speaker)
 */
export function findQuotes(ctx: AttributionContext): Quote[] {
  const direct = directQuotes(ctx);
  const all = [...direct, ...findReported(ctx)].sort((x, y) => x.start - y.start);
  return resolveSpeakers(ctx, all).map((r) => present(ctx.text, r));
}

function directQuotes(ctx: AttributionContext): RawQuote[] {
  const found: Found[] = [];
  for (const span of ctx.spans) {
    const prev = found[found.length - 1];
    const a = attribute(
      ctx,
      span,
      prev && sameSentence(ctx.sentences, prev.span, span) ? prev.span.close + 1 : 0,
    );
    const speaker = chained(ctx, a, prev, span);
    if (isWorthKeeping(ctx.text, span, speaker)) found.push({ span, speaker, partial: a.partial });
  }
  return found.map((f) => raw(ctx.text, f));
}

function chained(
  ctx: AttributionContext,
  a: Attribution,
  prev: Found | undefined,
  span: QuotedSpan,
): Candidate | 'crowd' | null {
  if (a.how === 'crowd') return 'crowd';
  if (a.how !== 'none') return a.speaker;
  if (!prev) return null;
  if (sameSentence(ctx.sentences, prev.span, span) || opensParagraphAfter(ctx, prev.span, span))
    return prev.speaker;
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

function raw(text: string, f: Found): RawQuote {
  let end = f.span.close;
  const start = f.span.open + 1;
  while (end > start && /[\s,]/.test(text[end - 1] ?? '')) end--;
  return { start, end, direct: true, partial: f.partial, speaker: f.speaker };
}

function present(text: string, r: Resolved): Quote {
  const s = r.speaker;
  const speaker = s === 'crowd' ? 'crowd' : (s?.name ?? null);
  const speakerId = s === 'crowd' || !s ? null : s.id;
  const { start, end, direct, partial } = r.quote;
  return { speaker, speakerId, text: text.slice(start, end), direct, partial, start, end };
}
