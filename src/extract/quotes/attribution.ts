import type { Sentence } from '../text/sentences.js';
import { sentenceAt } from '../text/sentences.js';
import { appositiveSubject, type Candidate } from './candidates.js';
import { nextSpanAfter, type QuotedSpan } from './quoted-spans.js';
import { describedKind } from './speaker-words.js';
import { speakerOfPhrase } from './speaker-phrase.js';
import { firstAtOrAfter, within } from '../text/ranges.js';
import { CHANT, LEADING_VERB, SPEAKER_PHRASE_END, SPEECH_VERB, TRAILING_VERBS } from './speech-verbs.js';
import { allMatches } from '../text/matches.js';

export interface AttributionContext {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly candidates: readonly Candidate[];
  readonly spans: readonly QuotedSpan[];
}

export type Attribution =
  | { readonly how: 'before' | 'after' | 'subject'; readonly speaker: Candidate; readonly partial: boolean }
  | { readonly how: 'crowd'; readonly partial: false }
  | { readonly how: 'none'; readonly partial: false };

const AFTER_WINDOW = 220;

/**
 * Finds who says a quote: a speech verb before it in its sentence ("X said: …", "described
 * it as …"), an attribution right after it ("…," said X / "…," X said), else the sentence's
 * subject. Returns how it was found so callers can chain quotes ("adding, …").
 *
 * @example attribute(ctx, span).how // 'after'
 */
export function attribute(ctx: AttributionContext, q: QuotedSpan, previousClose: number): Attribution {
  const sentence = sentenceAt(ctx.sentences, q.open);
  const from = Math.max(sentence?.start ?? q.open, previousClose);
  const before = ctx.text.slice(from, q.open);
  if (CHANT.test(before.slice(-40)) || isChantAfter(ctx.text, q.close))
    return { how: 'crowd', partial: false };
  const verb = lastVerb(before);
  if (verb) {
    const speaker =
      speakerOfPhrase(ctx, sentence?.start ?? from, from + verb.index) ??
      nearestBefore(ctx, from + verb.index, sentence?.start ?? from);
    const partial = /[\p{L}\d]/u.test(before.slice(verb.index + verb.length));
    if (speaker) return { how: 'before', speaker, partial };
    // "A senior officer said: …": the subject is a description, not a name.
    const subject = described(
      ctx.text.slice(sentence?.start ?? from, from + verb.index),
      sentence?.start ?? from,
    );
    if (subject) return { how: 'before', speaker: subject, partial };
  }
  const after = afterAttribution(ctx, q);
  if (after) return { how: 'after', speaker: after, partial: false };
  const subject = sentence ? firstBetween(ctx, sentence.start, q.open) : undefined;
  if (subject && verb) return { how: 'subject', speaker: subject, partial: true };
  return { how: 'none', partial: false };
}

function lastVerb(before: string): { index: number; length: number } | undefined {
  let found: { index: number; length: number } | undefined;
  for (const m of allMatches(SPEECH_VERB, before)) found = { index: m.index, length: m[0].length };
  if (!found && /:\s*$/.test(before)) {
    const colon = before.lastIndexOf(':');
    return { index: colon, length: 1 };
  }
  return found;
}

function nearestBefore(ctx: AttributionContext, offset: number, floor: number): Candidate | undefined {
  let best: Candidate | undefined;
  let state: Candidate | undefined;
  for (let i = firstAtOrAfter(ctx.candidates, floor); i < ctx.candidates.length; i++) {
    const c = ctx.candidates[i];
    if (!c || c.end > offset) break;
    // A country speaks only when no person or body is named ("Peru said").
    if (c.kind === 'state') state = c;
    else best = c;
  }
  best ??= state;
  const subject = appositiveSubject(ctx.text, ctx.candidates, floor, offset);
  if (subject) return subject;
  if (best && best.kind !== 'person' && best.kind !== 'pronoun')
    return personBeside(ctx, best, floor) ?? best;
  return best;
}

/** "Olga Oliker of the International Crisis Group said": the person, not the organisation. */
function personBeside(ctx: AttributionContext, org: Candidate, floor: number): Candidate | undefined {
  const people = within(ctx.candidates, floor, org.start).filter((c) => c.kind === 'person');
  const person = people[people.length - 1];
  if (!person) return undefined;
  const between = ctx.text.slice(person.end, org.start);
  return /^,?\s*(?:an?\s+[\p{L} -]{0,40}\s+)?(?:of|at|from|for|with)\s+(?:the\s+)?$/u.test(between)
    ? person
    : undefined;
}

/** Up to twelve words of speaker (a long title and a name) before a trailing speech verb. */
const TRAILING = new RegExp(`^[\\s,—–-]*((?:[^\\s.!?]+\\s+){0,12}?)(?:${TRAILING_VERBS})\\b`, 'i');

function afterAttribution(ctx: AttributionContext, q: QuotedSpan): Candidate | undefined {
  const nextOpen = nextSpanAfter(ctx.spans, q.close)?.open ?? Infinity;
  const stop = Math.min(q.close + AFTER_WINDOW, nextOpen, lineEnd(ctx.text, q.close, AFTER_WINDOW));
  const after = ctx.text.slice(q.close + 1, stop);
  const lead = LEADING_VERB.exec(after);
  if (lead) {
    const from = q.close + 1 + lead[0].length;
    const to = q.close + 1 + phraseEnd(after, lead[0].length);
    return speakerAfterVerb(ctx, from, to) ?? described(ctx.text.slice(from, to), from);
  }
  const verb = TRAILING.exec(after);
  if (!verb) return undefined;
  const np = verb[1] ?? '';
  const npStart = q.close + 1 + verb[0].lastIndexOf(np, verb[0].length - 1);
  const phrase =
    np.trim() === '' ? undefined : speakerOfPhrase(ctx, q.close + 1, npStart + np.trimEnd().length);
  if (phrase) return phrase;
  const found = nearestBefore(ctx, q.close + 1 + verb[0].length, q.close + 1);
  const description = described(np, q.close + 1 + Math.max(0, verb[0].indexOf(np)));
  if (!description) return found;
  return found && !describesOther(ctx.text, description, found) ? found : description;
}

/**
 * Phenomenon: a speaker is never a person merely named near the quote. In "a senior officer from
 * the president's faction told …" the officer speaks, not the president; in "a UN spokesperson
 * said" the spokesperson is more precise than the UN. A name right after the description
 * ("the ministry spokesman Ana Ruiz") is the speaker's own.
 */
function describesOther(text: string, description: Candidate, found: Candidate): boolean {
  if (found.start < description.end) return true;
  return !(found.kind === 'person' && /^[\s,]*$/.test(text.slice(description.end, found.start)));
}

/**
 * Phenomenon: unnamed speakers described by their office or body ("a senior military officer",
 * "one of the officers", "the press service", "a youth representative", "the bulletin").
 */
const DESCRIBED =
  /^\s*(?:an?|the|one|another)\s+([\p{L} -]{0,40}\b(?:spokes\w+|officials?|officers?|sources?|ministry|statement|bulletin|press service|mission|army|military|police|commander|command|office|department|embassy|government|headquarters|council|committee|representatives?|leaders?|activists?|witness(?:es)?|residents?|monitors?|observers?|message|report|medics|paper|newspaper))\b/iu;

/** Phenomenon: a body named only by its acronym ("the XLF said"), unknown to the theatre. */
const ACRONYM = /^\s*(?:the\s+)?(\p{Lu}[\p{Lu}\d-]{1,9})\s*$/u;

/** "a mission spokesperson said": no name, but a description worth keeping as the speaker. */
function described(np: string, at: number): Candidate | undefined {
  const m = DESCRIBED.exec(np) ?? ACRONYM.exec(np);
  if (!m?.[1]) return undefined;
  const name = m[1].trim();
  const refers = describedKind(name.split(/\s+/).pop() ?? '') ?? 'organization';
  const kind = refers === 'person' ? 'person' : 'organization';
  // "the statement said": a document speaks for the body that issued it, resolved later.
  const anaphor = refers === 'document' ? { anaphor: ['organization'] as const } : {};
  return { start: at, end: at + m[0].length, kind, name, id: null, refers, ...anaphor };
}

function lineEnd(text: string, from: number, window: number): number {
  const nl = text.slice(from, from + window).indexOf('\n');
  return nl < 0 ? from + window : from + nl;
}

function phraseEnd(after: string, from: number): number {
  const rest = after.slice(from);
  const m = SPEAKER_PHRASE_END.exec(rest);
  return from + (m ? m.index : rest.length);
}

function speakerAfterVerb(ctx: AttributionContext, from: number, to: number): Candidate | undefined {
  const inPhrase = within(ctx.candidates, from, to);
  const people = inPhrase.filter((c) => c.kind === 'person');
  let chosen = people[0] ?? inPhrase[0];
  if (!chosen) return undefined;
  // "spokesman Luis Mora, Ana Ruiz": an appositive name corrects the one before it.
  for (const next of people) {
    if (next.start > chosen.end && /^\s*,\s*$/.test(ctx.text.slice(chosen.end, next.start))) chosen = next;
  }
  return chosen;
}

function firstBetween(ctx: AttributionContext, from: number, to: number): Candidate | undefined {
  return within(ctx.candidates, from, to).find((c) => c.kind !== 'pronoun');
}

function isChantAfter(text: string, close: number): boolean {
  const after = text.slice(close + 1, close + 80);
  return /^[\s,]*(?:the\s+|some\s+)?(?:crowds?|protesters|demonstrators|people|residents|marchers|fans)\b[^.]{0,20}\b(?:chant\w*|shout\w*|sang|chorus)/i.test(
    after,
  );
}
