import type { Sentence } from '../text/sentences.js';
import { within } from '../text/ranges.js';
import type { AttributionContext } from './attribution.js';
import type { Candidate } from './candidates.js';
import { spansBetween } from './quoted-spans.js';
import { speakerOfPhrase } from './speaker-phrase.js';
import { CLAUSE_VERBS, CLOSING_VERBS, OBJECT_VERBS, PARTICIPLE_VERBS } from './speech-verbs.js';
import { allMatches } from '../text/matches.js';

/** One statement found in the text before its speaker is resolved (pronouns, documents). */
export interface RawQuote {
  readonly start: number;
  readonly end: number;
  readonly direct: boolean;
  readonly partial: boolean;
  readonly speaker: Candidate | 'crowd' | null;
}

const LEAD = new RegExp(`\\b(${CLAUSE_VERBS}|${OBJECT_VERBS})\\b`, 'giu');
/**
 * LEAD for a lower-cased sentence, case-sensitive and several times faster. Under `iu` only the
 * long s "ſ" and the Kelvin sign match ASCII letters besides the letters themselves (and count as
 * word characters for `\b`); lower-casing turns the Kelvin sign into "k". So on a sentence without
 * "ſ" whose lower-cased form keeps every offset (no "İ"), both find the same verbs at the same places.
 */
const LEAD_LOWER = new RegExp(`\\b(${CLAUSE_VERBS}|${OBJECT_VERBS})\\b`, 'g');
const OBJECT = new RegExp(`^(?:${OBJECT_VERBS})$`, 'iu');
const CLOSING = new RegExp(`^(?:${CLOSING_VERBS})$`, 'iu');
const PARTICIPLE = new RegExp(`,\\s*(?:and\\s+)?(${PARTICIPLE_VERBS})\\b`, 'giu');
/** Phenomenon: "According to X, …" opening a sentence, after an optional adverbial. */
const ACCORDING_LEAD = /^(?:[^,]{0,40},\s*)?(?:but\s+|and\s+)?according\s+to\s+([^,]{2,160}?),\s*/iu;
/** Phenomenon: "…, according to X." closing a sentence. */
const ACCORDING_TAIL = /,\s*(?:at\s+least\s+)?according\s+to\s+([^,]{2,160}?)(?:,[^,]{0,80})?[.!?"”]*\s*$/iu;
/** Phenomenon: "TASS cited the border service as saying …": the one cited speaks. */
const CITED_AS = /\b(?:cited|quoted|citing|quoting)\s+(.{2,120}?)\s+as\s+saying\b,?\s*(?:that\s+)?/iu;
/** Phenomenon: "…, said Ana Ruiz, a media officer with the mission." */
const SAID_TAIL = /,\s*(?:said|says|told|added|reported|wrote)\s+(?=\p{Lu}|the\s|an?\s)/giu;
const COMMA = /,/g;
const MAX_VERBS = 6;
const MAX_SENTENCE_VERBS = 12;
const MAX_TAIL_WORDS = 9;
const MIN_CLAUSE = 15;

/**
 * Indirect speech (`direct: false`) in sentences that are not mostly a direct quote: "X said
 * (that) …", "…, X said", "According to X, …", "…, according to X", "cited X as saying …",
 * and ", adding that …" for a second clause by the same speaker. The text is the reported clause;
 * for verbs whose object is the statement ("vowed to …", "accused X of …") it starts at the verb.
 * Pronoun and document speakers are left for the caller to resolve.
 *
 * @example findReported(ctx).map((q) => ctx.text.slice(q.start, q.end))
 */
export function findReported(ctx: AttributionContext): RawQuote[] {
  const out: RawQuote[] = [];
  for (const s of ctx.sentences) {
    if (isMostlyQuoted(ctx, s)) continue;
    out.push(...inSentence(ctx, s));
  }
  return out;
}

interface Verb {
  /** Offset in the sentence. */
  readonly index: number;
  readonly word: string;
  readonly length: number;
}

function inSentence(ctx: AttributionContext, s: Sentence): RawQuote[] {
  const sentence = ctx.text.slice(s.start, s.end);
  const verbs: Verb[] = [];
  for (const m of leadVerbs(sentence))
    verbs.push({ index: m.index, word: (m[1] ?? '').toLowerCase(), length: m[0].length });
  const isCited = sentence.includes(' as saying');
  const isAccording = /ccording to/u.test(sentence);
  if (verbs.length === 0 && !isCited && !isAccording) return [];
  const frame =
    (isCited ? citedAs(ctx, s) : undefined) ??
    (isAccording ? (accordingLead(ctx, s) ?? accordingTail(ctx, s)) : undefined) ??
    closing(ctx, s, verbs) ??
    leading(ctx, s, verbs);
  if (!frame) return [];
  return [frame, ...participles(ctx, s, frame)];
}

/** The speech verbs of a sentence, at most MAX_SENTENCE_VERBS (see LEAD_LOWER). */
export function leadVerbs(sentence: string): RegExpExecArray[] {
  const lower = sentence.toLowerCase();
  return lower.length === sentence.length && !lower.includes('ſ')
    ? allMatches(LEAD_LOWER, lower, MAX_SENTENCE_VERBS)
    : allMatches(LEAD, sentence, MAX_SENTENCE_VERBS);
}

function citedAs(ctx: AttributionContext, s: Sentence): RawQuote | undefined {
  const m = CITED_AS.exec(ctx.text.slice(s.start, s.end));
  if (!m?.[1]) return undefined;
  const npStart = s.start + m.index + m[0].indexOf(m[1]);
  const speaker = speakerOfPhrase(ctx, npStart, npStart + m[1].length);
  return speaker ? clause(ctx, s.start + m.index + m[0].length, s.end, speaker) : undefined;
}

function accordingLead(ctx: AttributionContext, s: Sentence): RawQuote | undefined {
  const m = ACCORDING_LEAD.exec(ctx.text.slice(s.start, s.end));
  if (!m?.[1]) return undefined;
  const npStart = s.start + m[0].lastIndexOf(m[1]);
  const speaker = speakerOfPhrase(ctx, npStart, npStart + m[1].length);
  return speaker ? clause(ctx, s.start + m[0].length, s.end, speaker) : undefined;
}

function accordingTail(ctx: AttributionContext, s: Sentence): RawQuote | undefined {
  const m = ACCORDING_TAIL.exec(ctx.text.slice(s.start, s.end));
  if (!m?.[1]) return undefined;
  const npStart = s.start + m.index + m[0].indexOf(m[1]);
  const speaker = speakerOfPhrase(ctx, npStart, npStart + m[1].length);
  return speaker ? clause(ctx, s.start, s.start + m.index, speaker) : undefined;
}

/** "…, the ministry said on Sunday." / "…, said Ana Ruiz, a media officer." / "…, she said, adding …" */
function closing(ctx: AttributionContext, s: Sentence, verbs: readonly Verb[]): RawQuote | undefined {
  const sentence = ctx.text.slice(s.start, s.end);
  for (const m of allMatches(SAID_TAIL, sentence)) {
    if (m.index < MIN_CLAUSE) continue;
    const from = s.start + m.index + m[0].length;
    const speaker = speakerAfterSaid(ctx, from, s.end);
    if (speaker) return clause(ctx, s.start, s.start + m.index, speaker);
  }
  const commas = allMatches(COMMA, sentence)
    .map((m) => m.index)
    .filter((i) => i >= MIN_CLAUSE);
  for (const comma of commas.reverse().slice(0, MAX_COMMAS)) {
    const next = sentence.indexOf(',', comma + 1);
    const segment = sentence.slice(comma + 1, next < 0 ? sentence.length : next);
    const inSegment = verbs.filter((v) => v.index > comma && v.index < comma + 1 + segment.length);
    const found =
      inSegment.length > 0
        ? closingSegment(ctx, s, { comma, segment, isLast: next < 0 }, inSegment)
        : undefined;
    if (found) return found;
  }
  return undefined;
}

function closingSegment(
  ctx: AttributionContext,
  s: Sentence,
  { comma, segment, isLast }: { comma: number; segment: string; isLast: boolean },
  verbs: readonly Verb[],
): RawQuote | undefined {
  if (SUBORDINATE.test(segment)) return undefined;
  // After the attribution only ", adding that …" or the sentence's end may follow.
  if (!isLast && !PARTICIPLE_AFTER.test(ctx.text.slice(s.start + comma + 1 + segment.length, s.end)))
    return undefined;
  for (const v of verbs) {
    if (!CLOSING.test(v.word)) continue;
    const at = v.index - comma - 1;
    const after = segment.slice(at + v.length);
    if (!isOnlyAdjuncts(after, v.word)) continue;
    const verbAt = s.start + v.index;
    if (wordCount(ctx.text.slice(s.start + comma + 1, verbAt)) > MAX_SPEAKER_WORDS) continue;
    const speaker = speakerOfPhrase(ctx, s.start + comma + 1, verbAt);
    if (speaker) return clause(ctx, s.start, s.start + comma, speaker);
  }
  return undefined;
}

const SUBORDINATE =
  /^\s*(?:while|and|but|as|after|when|because|before|since|although|though|if|whereas|which|who)\b/iu;
const PARTICIPLE_AFTER = new RegExp(`^,\\s*(?:${PARTICIPLE_VERBS})\\b`, 'iu');
const MAX_COMMAS = 8;
/** A long official name ("the Centre for Reconciliation of … in the Syrian Arab Republic (SAR)"). */
const MAX_SPEAKER_WORDS = 20;

/** ", said Ana Ruiz, a media officer with the mission." — a name, or a short description, then the end. */
function speakerAfterSaid(ctx: AttributionContext, from: number, end: number): Candidate | undefined {
  const stop = phraseEnd(ctx, from, end);
  const named = within(ctx.candidates, from, stop).find((c) => c.kind !== 'pronoun');
  const rest = (c: Candidate) => ctx.text.slice(c.end, stop).trim();
  if (named && named.start - from <= 20 && rest(named) === '') return named;
  const words = wordCount(ctx.text.slice(from, stop));
  if (words > 8 || /\bthat\b/iu.test(ctx.text.slice(from, stop))) return undefined;
  return speakerOfPhrase(ctx, from, stop);
}

/**
 * What may follow a closing attribution's verb: nothing, an addressee ("told Interfax"), time and
 * place ("on Tuesday", "earlier", "in a daily report on 18 January"): never a clause of its own.
 */
function isOnlyAdjuncts(after: string, verb: string): boolean {
  if (/\bthat\b/iu.test(after) || wordCount(after) > MAX_TAIL_WORDS) return false;
  const rest = /^tell|^told/iu.test(verb) ? after.replace(ADDRESSEE, '') : after;
  return (
    /^\s*(?:[.!?"”]|$|(?:in|on|at|via|during|through|over|late|early|earlier|later|yesterday|today|tonight|(?:last|this)\s+(?:week|weekend|month|morning|evening|night|year)|when|after|before|while|as|from|to|with|by|without)\b)/iu.test(
      rest,
    ) || /^\s*\p{Lu}\p{L}+day\b/u.test(rest)
  );
}

function phraseEnd(ctx: AttributionContext, from: number, end: number): number {
  const comma = ctx.text.indexOf(',', from);
  const stop = comma < 0 || comma > end ? end : comma;
  let e = stop;
  while (e > from && /[\s.!?"”]/.test(ctx.text[e - 1] ?? '')) e--;
  return e;
}

/** "X said (that) …" with the speaker right before the verb, anywhere in the sentence. */
function leading(ctx: AttributionContext, s: Sentence, verbs: readonly Verb[]): RawQuote | undefined {
  const sentence = ctx.text.slice(s.start, s.end);
  for (const m of verbs.slice(0, MAX_VERBS)) {
    const verbAt = s.start + m.index;
    const before = ctx.text.slice(s.start, verbAt);
    const speaker = /\band\s+(?:also\s+)?$/iu.test(before)
      ? sentenceSubject(ctx, s.start, verbAt)
      : speakerOfPhrase(ctx, s.start, verbAt);
    // "As the agency reported, X said that …": a source named in passing, not the statement.
    if (!speaker || /^\s*,/u.test(sentence.slice(m.index + m.length))) continue;
    const verb = m.word;
    const start = complementStart(ctx.text, verbAt + m.length, s.end, verb);
    if (start === undefined) continue;
    const from = start === 'verb' ? verbAt : start;
    const found = clause(ctx, from, secondSpeakerAt(ctx.text, from, s.end), speaker);
    if (found) return found;
  }
  return undefined;
}

/**
 * Phenomenon: two speakers in one sentence ("X claimed …, as President Y declared that …"): the
 * first clause ends where the second speaker's frame begins.
 */
function secondSpeakerAt(text: string, from: number, end: number): number {
  const m = SECOND_SPEAKER.exec(text.slice(from, end));
  return m ? from + m.index : end;
}

const SECOND_SPEAKER = new RegExp(
  `[,\\s](?:as|while|whereas|but|and)\\s+(?=\\p{Lu}[^,.;]{2,80}?\\s(?:${CLAUSE_VERBS}|declared|announced)\\b)`,
  'u',
);

/**
 * Where the reported clause starts after the verb: after an addressee ("told reporters"),
 * adjuncts ("in a statement", "on Sunday") and "that"; at the verb itself for a verb whose object
 * is the statement; undefined when what follows is no clause ("said in Baku.").
 */
function complementStart(text: string, at: number, end: number, verb: string): number | 'verb' | undefined {
  const rest = text.slice(at, Math.min(end, at + 200));
  let i = 0;
  if (/^tell|^told/.test(verb)) i += ADDRESSEE.exec(rest)?.[0].length ?? 0;
  for (let k = 0; k < 3; k++) {
    const adj = ADJUNCT.exec(rest.slice(i));
    if (!adj) break;
    i += adj[0].length;
  }
  const that = /^\s*,?\s*that\b\s*,?\s*/iu.exec(rest.slice(i));
  if (that) return at + i + that[0].length;
  if (OBJECT.test(verb)) return 'verb';
  // "denied access", "denied entry": without "that" a denial is an act, not a statement.
  if (/^den/u.test(verb)) return undefined;
  const next = rest.slice(i);
  if (
    /^\s*(?:[,.;:!?]|$|(?:in|on|at|to|during|after|before|for|with|from|about|by|of|and|but|as)\b)/iu.test(
      next,
    )
  )
    return undefined;
  return at + i + (next.length - next.trimStart().length);
}

const ADDRESSEE =
  /^\s+(?:reporters|journalists|parliament|lawmakers|(?:him|her|them|us)|(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}|the\s+\p{L}+(?:\s+\p{L}+)?)\b/u;
const ADJUNCT =
  /^\s*,?\s*(?:(?:in|on|at|via|during|through|over)\s+(?:an?|the|its|his|her|their)?\s*(?:statement|interview|press conference|briefing|post|message|report|communique|address|speech|televised address|daily report|telegram|facebook|twitter|x)\b(?:\s+on\s+\S+(?:\s+\d{1,2},?\s+\d{4})?)?|on\s+(?:\d{1,2}\s+)?\p{Lu}\p{L}+(?:\s+\d{1,2})?|earlier|later|yesterday|today|tonight|(?:late|early)\s+on\s+\p{Lu}\p{L}+|\p{Lu}\p{L}+day)\b/iu;

/** ", adding that …", ", insisting that …": further clauses by the same speaker. */
function participles(ctx: AttributionContext, s: Sentence, first: RawQuote): RawQuote[] {
  const out: RawQuote[] = [];
  const sentence = ctx.text.slice(s.start, s.end);
  for (const m of allMatches(PARTICIPLE, sentence)) {
    const verbAt = s.start + m.index + m[0].indexOf(m[1] ?? '');
    if (verbAt < first.start && first.start - verbAt < 3) continue;
    const verb = (m[1] ?? '').toLowerCase();
    const rest = ctx.text.slice(verbAt + verb.length, s.end);
    const that = /^\s*,?\s*that\b\s*/iu.exec(rest);
    const start = that ? verbAt + verb.length + that[0].length : verbAt;
    const found = clause(ctx, start, s.end, first.speaker === 'crowd' ? null : first.speaker);
    if (found) out.push(found);
    if (out.length >= 3) break;
  }
  return out;
}

/** The first named speaker of the sentence: "X blamed … and said that …" is still X. */
function sentenceSubject(ctx: AttributionContext, from: number, to: number): Candidate | undefined {
  const named = within(ctx.candidates, from, to).filter((c) => c.kind !== 'pronoun' && c.kind !== 'state');
  // The one a verb follows ("The council, yesterday, renewed"), not a dateline before it.
  return named.find((c) => FINITE_AFTER.test(ctx.text.slice(c.end, c.end + 60))) ?? named[0];
}

const FINITE_AFTER = /^(?:\s*,[^,]{1,40},)?\s+(?:also\s+)?\p{Ll}+(?:ed|s)\b/u;

function clause(
  ctx: AttributionContext,
  start: number,
  end: number,
  speaker: Candidate | null,
): RawQuote | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s,:;–—-]/.test(ctx.text[s] ?? '')) s++;
  while (e > s && /[\s.,;:!?–—-]/.test(ctx.text[e - 1] ?? '')) e--;
  const words = ctx.text.slice(s, e).match(/\p{L}+/gu) ?? [];
  if (e - s < MIN_CLAUSE || words.length < 3 || quotedShare(ctx, s, e) > 0.5) return undefined;
  return { start: s, end: e, direct: false, partial: false, speaker };
}

function isMostlyQuoted(ctx: AttributionContext, s: Sentence): boolean {
  return quotedShare(ctx, s.start, s.end) > 0.4;
}

/** How much of `[start, end)` lies inside direct quotes (0 to 1): those are direct speech already. */
function quotedShare(ctx: AttributionContext, start: number, end: number): number {
  const quoted = spansBetween(ctx.spans, start, end).reduce(
    (sum, q) => sum + Math.max(0, Math.min(q.close + 1, end) - Math.max(q.open, start)),
    0,
  );
  return end > start ? quoted / (end - start) : 0;
}

function wordCount(s: string): number {
  return (s.match(/\p{L}+/gu) ?? []).length;
}
