import type { Quote } from '../schema.js';
import type { AttributionContext } from './attribution.js';
import type { Candidate } from './candidates.js';

const REPORTED =
  /\b(said|says|told (?:[\p{Lu}][\p{L}]+|reporters|journalists|parliament|lawmakers)|stated|announced|claimed|warned|insisted|denied|confirmed|added)(?:\s+(?:on \p{Lu}\p{L}+|in a statement|in an interview|on Facebook|on Twitter|on Telegram))?,?\s+(?:that\s+)?/u;
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
    if (ctx.spans.some((q) => q.open < s.end && q.close >= s.start)) continue;
    const sentence = ctx.text.slice(s.start, s.end);
    const m = REPORTED.exec(sentence.slice(0, MAX_SUBJECT + 60));
    if (!m || m.index > MAX_SUBJECT) continue;
    const verbAt = s.start + m.index;
    const speaker = subjectBefore(ctx, s.start, verbAt, lastSpeaker);
    if (!speaker) continue;
    const start = s.start + m.index + m[0].length;
    let end = s.end;
    while (end > start && /[\s.!?]/.test(ctx.text[end - 1] ?? '')) end--;
    if (end - start < 15) continue;
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
  for (const c of ctx.candidates) {
    if (c.start < from) continue;
    if (c.end > verbAt) break;
    best = c;
  }
  if (!best || verbAt - best.end > 40) return null;
  if (best.kind === 'pronoun') return lastSpeaker(best.start);
  return best;
}
