import type { Quote } from '../schema.js';
import type { AttributionContext } from './attribution.js';
import { appositiveSubject, type Candidate } from './candidates.js';
import { firstAtOrAfter } from '../text/ranges.js';
import { isInsideQuote, nextSpanAfter } from './quoted-spans.js';

const REPORTED =
  /\b(said|says|told (?:[\p{Lu}][\p{L}]+|reporters|journalists|parliament|lawmakers)|stated|claimed|warned|insisted|added|(?:announced|confirmed|denied)(?=\s+(?:\p{L}+\s+){0,3}that\b))(?:\s+(?:on \p{Lu}\p{L}+|in a statement|in an interview|on Facebook|on Twitter|on Telegram))?,?\s+(?:that\s+)?/u;
const MAX_SUBJECT = 140;

/**
 * Indirect speech: "X said (that) …" in a sentence with no quote marks gives a quote with
 * `direct: false` whose text is the reported clause. Only sentences whose speaker is found
 * just before the verb count.
 *
 * @example findIndirect(ctx, () => null)
 */
export function findIndirect(
  ctx: AttributionContext,
  lastSpeaker: (offset: number) => Candidate | null,
): Quote[] {
  const out: Quote[] = [];
  for (const s of ctx.sentences) {
    if (hasQuote(ctx, s.start, s.end)) continue;
    const sentence = ctx.text.slice(s.start, s.end);
    const m = REPORTED.exec(sentence.slice(0, MAX_SUBJECT + 60));
    if (!m || m.index > MAX_SUBJECT) continue;
    const verbAt = s.start + m.index;
    const speaker = subjectBefore(ctx, s.start, verbAt, lastSpeaker);
    if (!speaker) continue;
    const start = s.start + m.index + m[0].length;
    let end = s.end;
    while (end > start && /[\s.!?]/.test(ctx.text[end - 1] ?? '')) end--;
    if (
      end - start < 15 ||
      /^(?:in|on|at|to|during|after|before|for|with|from)\b/i.test(ctx.text.slice(start, start + 8))
    )
      continue;
    out.push({
      speaker: speaker.name,
      speakerId: speaker.id,
      text: ctx.text.slice(start, end),
      direct: false,
      partial: false,
      start,
      end,
    });
  }
  return out;
}

function subjectBefore(
  ctx: AttributionContext,
  from: number,
  verbAt: number,
  lastSpeaker: (offset: number) => Candidate | null,
): Candidate | null {
  let best: Candidate | null = null;
  for (let i = firstAtOrAfter(ctx.candidates, from); i < ctx.candidates.length; i++) {
    const c = ctx.candidates[i];
    if (!c || c.end > verbAt) break;
    best = c;
  }
  const subject = appositiveSubject(ctx.text, ctx.candidates, from, verbAt);
  if (subject) return subject;
  if (!best || verbAt - best.end > 40) return null;
  if (best.kind === 'pronoun') return lastSpeaker(best.start);
  return best;
}

function hasQuote(ctx: AttributionContext, start: number, end: number): boolean {
  if (isInsideQuote(ctx.spans, start)) return true;
  const next = nextSpanAfter(ctx.spans, start);
  return next !== undefined && next.open < end;
}
