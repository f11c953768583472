import { sentenceIndexAt } from '../text/sentences.js';
import { firstAtOrAfter, within } from '../text/ranges.js';
import type { AttributionContext } from './attribution.js';
import type { Candidate } from './candidates.js';
import type { RawQuote } from './reported.js';
import { isCompatible, referentOf } from './speaker-phrase.js';
import { PRONOUN_POINTS_AT } from './speaker-words.js';

export interface Resolved {
  readonly quote: RawQuote;
  readonly speaker: Candidate | 'crowd' | null;
}

interface Spoken {
  readonly sentence: number;
  readonly speaker: Candidate;
}

const BODY_REACH = 6;
/** Heads that fit any body ("the 15-member body"), unlike "the ministry", which needs a ministry. */
const GENERIC_HEADS = new Set(['body', 'organisation', 'organization']);

/**
 * Resolves, in text order, the speakers that point back: pronouns ("he added", "it said"),
 * documents ("the statement said", "the message reads") and definite descriptions of a body
 * ("the 15-member body", "the paper"), each to the last compatible speaker; and gives a quote
 * with no attribution the speaker of the statement in the sentence just before it.
 *
 * @example resolveSpeakers(ctx, raws).map((r) => r.speaker)
 */
export function resolveSpeakers(ctx: AttributionContext, raws: readonly RawQuote[]): Resolved[] {
  const spoken: Spoken[] = [];
  const out: Resolved[] = [];
  for (const quote of raws) {
    const sentence = sentenceIndexAt(ctx.sentences, quote.start);
    const speaker = resolveOne(ctx, quote, sentence, spoken);
    // A quote over several sentences is spoken where it ends ("…. But …," he added).
    const last = sentenceIndexAt(ctx.sentences, Math.max(quote.start, quote.end - 1));
    if (speaker && speaker !== 'crowd') spoken.push({ sentence: last, speaker });
    out.push({ quote, speaker });
  }
  return out;
}

function resolveOne(
  ctx: AttributionContext,
  quote: RawQuote,
  sentence: number,
  spoken: readonly Spoken[],
): Candidate | 'crowd' | null {
  const s = quote.speaker;
  if (s === 'crowd') return s;
  // Phenomenon: a quote continued in the next sentence or paragraph with no attribution.
  if (s === null) return quote.direct ? (lastWithin(spoken, sentence - 1)?.speaker ?? null) : null;
  // Distances count from where the quote opens: a long quote's own sentences are no distance.
  const here = Math.min(sentence, sentenceIndexAt(ctx.sentences, s.start));
  if (s.kind === 'pronoun') return resolvePronoun(ctx, s, spoken, here);
  if (!s.anaphor) return s;
  return resolveBody(ctx, s, spoken, here) ?? s;
}

function resolvePronoun(
  ctx: AttributionContext,
  p: Candidate,
  spoken: readonly Spoken[],
  here: number,
): Candidate | null {
  const kinds = p.anaphor ?? PRONOUN_POINTS_AT[p.name.toLowerCase()] ?? ['person'];
  const recent = lastCompatible(spoken, kinds, here - 1);
  if (recent) return recent;
  if (kinds.includes('person')) {
    const subject = subjectOfPreviousSentence(ctx, p.start, sentenceIndexAt(ctx.sentences, p.start));
    if (subject) return subject;
  }
  return lastCompatible(spoken, kinds, -1) ?? lastNamedBefore(ctx, p.start, kinds);
}

/**
 * Phenomenon: "the statement said", "the body stressed", "the paper said": the body named or
 * speaking just before, preferring one whose name holds the description's head word.
 */
function resolveBody(
  ctx: AttributionContext,
  d: Candidate,
  spoken: readonly Spoken[],
  here: number,
): Candidate | undefined {
  const head = (d.name.split(' ').pop() ?? '').toLowerCase();
  for (let i = spoken.length - 1; i >= 0; i--) {
    const e = spoken[i];
    if (!e || e.sentence < here - BODY_REACH) break;
    if (e.speaker.name.toLowerCase().includes(head) && referentOf(e.speaker) === 'organization')
      return e.speaker;
  }
  if (d.refers === 'document') return lastCompatible(spoken, ['organization'], here - BODY_REACH);
  if (GENERIC_HEADS.has(head))
    return lastCompatible(spoken, ['organization'], here - BODY_REACH) ?? bodyNamedBefore(ctx, d.start, here);
  return namedWithHead(ctx, d.start, head);
}

/** "The Council met … The 15-member body stressed": the last body named in the sentences before. */
function bodyNamedBefore(ctx: AttributionContext, before: number, here: number): Candidate | undefined {
  const floor = ctx.sentences[Math.max(0, here - BODY_REACH)]?.start ?? 0;
  const found = lastNamedBefore(ctx, before, ['organization']);
  return found && found.start >= floor ? found : undefined;
}

function namedWithHead(ctx: AttributionContext, before: number, head: string): Candidate | undefined {
  const end = firstAtOrAfter(ctx.candidates, before);
  for (let i = end - 1; i >= 0 && i >= end - 200; i--) {
    const c = ctx.candidates[i];
    if (c && c.kind !== 'person' && c.kind !== 'pronoun' && !c.anaphor && c.name.toLowerCase().includes(head))
      return c;
  }
  return undefined;
}

function lastWithin(spoken: readonly Spoken[], minSentence: number): Spoken | undefined {
  const last = spoken[spoken.length - 1];
  return last && last.sentence >= minSentence ? last : undefined;
}

function lastCompatible(
  spoken: readonly Spoken[],
  kinds: readonly ('person' | 'group' | 'organization' | 'document')[],
  minSentence: number,
): Candidate | undefined {
  for (let i = spoken.length - 1; i >= 0; i--) {
    const e = spoken[i];
    if (!e || e.sentence < minSentence) break;
    if (isCompatible(kinds, e.speaker)) return e.speaker;
  }
  return undefined;
}

/** "Ruiz arrived in Baku. “…,” he told reporters": the first person named in the sentence before. */
function subjectOfPreviousSentence(
  ctx: AttributionContext,
  offset: number,
  here: number,
): Candidate | undefined {
  const s = ctx.sentences[here];
  const previous = here > 0 ? ctx.sentences[here - 1] : undefined;
  if (!s) return undefined;
  const same = within(ctx.candidates, s.start, offset).find((c) => c.kind === 'person');
  if (same) return same;
  return previous
    ? within(ctx.candidates, previous.start, previous.end).find((c) => c.kind === 'person')
    : undefined;
}

function lastNamedBefore(
  ctx: AttributionContext,
  offset: number,
  kinds: readonly ('person' | 'group' | 'organization' | 'document')[],
): Candidate | null {
  const end = firstAtOrAfter(ctx.candidates, offset);
  for (let i = end - 1; i >= 0 && i >= end - 200; i--) {
    const c = ctx.candidates[i];
    if (c && c.kind !== 'pronoun' && !c.anaphor && c.kind !== 'state' && isCompatible(kinds, c)) return c;
  }
  return null;
}
