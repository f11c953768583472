import { TITLE_WORDS } from '../actors/name-words.js';
import { firstAtOrAfter, within } from '../text/ranges.js';
import { appositiveSubject, type Candidate } from './candidates.js';
import {
  BETWEEN_SPEAKER_AND_VERB,
  describedKind,
  PRONOUN_POINTS_AT,
  type DescribedKind,
} from './speaker-words.js';
import { allMatches } from '../text/matches.js';

export interface PhraseContext {
  readonly text: string;
  readonly candidates: readonly Candidate[];
}

const PP_WORDS = new Set('of from in at with for to within loyal close near'.split(' '));
const DETERMINER_WORDS = new Set('a an the another two three four several some many both'.split(' '));
const STOP_BEFORE = new Set(
  'and or but that which who when after before while as if because said told says also'.split(' '),
);
const MAX_MODIFIERS = 5;
const MAX_TAIL = 20;
const PRONOUN_AT_END = /(?:^|[\s,;])(he|she|it|they)\s*$/iu;
const ACRONYM_AT_END = /(?:^|[\s,(])(?:the\s+)?(\p{Lu}[\p{Lu}\d-]{1,9})\s*$/u;
const MAX_PHRASE = 160;
const NEAR_VERB = 40;

/**
 * The speaker written in `[from, to)`, the words right before a speech verb: a pronoun (left for
 * the caller to resolve, `anaphor` set), a description ("a UN spokesperson"), a named person or
 * body, or an acronym. A person named inside a description ("an officer loyal to President X")
 * is not the speaker; a name right after the description ("the ministry spokesman Ana Ruiz") is.
 *
 * @example speakerOfPhrase(ctx, 0, text.indexOf(' said'))?.name
 */
export function speakerOfPhrase(ctx: PhraseContext, from: number, to: number): Candidate | undefined {
  const start = Math.max(from, to - MAX_PHRASE);
  const raw = ctx.text.slice(start, to);
  const trimmed = raw.replace(BETWEEN_SPEAKER_AND_VERB, '');
  const end = start + trimmed.length;
  const pronoun = PRONOUN_AT_END.exec(trimmed);
  if (pronoun?.[1]) return pronounCandidate(pronoun[1], end - pronoun[1].length);
  const named = namedBefore(ctx, start, end);
  const acronym = ACRONYM_AT_END.exec(trimmed);
  // "…, and the IDF confirmed": an acronym right before the verb beats a body named further back.
  if (acronym?.[1] && (!named || named.end < end - acronym[1].length))
    return acronymCandidate(acronym[1], end);
  const description = describedAtEnd(ctx, trimmed, start);
  const appositive = description ? personBeforeAppositive(ctx, description.start) : undefined;
  if (appositive) return appositive;
  if (description && !(named && named.start <= description.headStart && named.end >= description.headEnd)) {
    return (
      personRightAfterHead(ctx, description, end) ??
      documentIssuer(ctx, description, end) ??
      plain(description)
    );
  }
  if (named) return named;
  return loneName(ctx, trimmed, start, end);
}

function acronymCandidate(word: string, end: number): Candidate {
  return {
    start: end - word.length,
    end,
    kind: 'organization',
    name: word,
    id: null,
    refers: 'organization',
  };
}

/** "Kandice Ardiel, a press official for the force - known as X - called": the person before the description. */
function personBeforeAppositive(ctx: PhraseContext, at: number): Candidate | undefined {
  const i = firstAtOrAfter(ctx.candidates, at) - 1;
  const c = ctx.candidates[i];
  if (!c || c.kind !== 'person' || c.end > at) return undefined;
  return /^\s*,\s*$/u.test(ctx.text.slice(c.end, at)) ? c : undefined;
}

/**
 * Phenomenon: a speaker named by one capitalised word the name finder does not know ("Hamas
 * claimed", "Hillo said"), alone at the start of its clause.
 */
function loneName(ctx: PhraseContext, phrase: string, base: number, end: number): Candidate | undefined {
  const m = LONE_NAME.exec(phrase);
  const word = m?.[1];
  if (!word || NOT_A_NAME.has(word.toLowerCase())) return undefined;
  return { start: end - word.length, end, kind: 'person', name: word, id: null };
}

const LONE_NAME = /(?:^|[,;]\s*|^\s*(?:On|In|At)\s[^,]{1,30},\s*)(\p{Lu}\p{Ll}[\p{L}-]{1,20})\s*$/u;
const NOT_A_NAME = new Set(
  'the this that these those there it he she they we i you officials police witnesses residents sources reports media today yesterday earlier later meanwhile however but and monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

function plain(d: Described): Candidate {
  const { headStart: _s, headEnd: _e, ...c } = d;
  return c;
}

function pronounCandidate(word: string, at: number): Candidate {
  const lower = word.toLowerCase();
  return {
    start: at,
    end: at + word.length,
    kind: 'pronoun',
    name: word,
    id: null,
    anaphor: PRONOUN_POINTS_AT[lower] ?? ['person'],
  };
}

/** The last named speaker ending near the verb, or the subject before an appositive. */
function namedBefore(ctx: PhraseContext, from: number, to: number): Candidate | undefined {
  const subject = appositiveSubject(ctx.text, ctx.candidates, from, to);
  if (subject) return subject;
  let best: Candidate | undefined;
  let state: Candidate | undefined;
  for (let i = firstAtOrAfter(ctx.candidates, from); i < ctx.candidates.length; i++) {
    const c = ctx.candidates[i];
    if (!c || c.end > to) break;
    if (c.kind === 'pronoun') continue;
    // A country speaks only when no person or body is named beside it ("Peru said").
    if (c.kind === 'state') state = c;
    else best = c;
  }
  const found = best && (!state || state.end <= best.end || state.start <= best.start) ? best : state;
  if (!found || to - found.end > NEAR_VERB) return undefined;
  return found;
}

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Phenomenon: an unnamed speaker described by office, body or document, written just before its
 * verb ("a senior military officer from the president's faction", "the rebel group", "a source in
 * the UN", "Odessa's governor", "medics"): a determiner (or capitalised words, or nothing for a
 * bare plural), up to five modifiers, a head word, then an optional prepositional phrase.
 */
/** A word of a speaker phrase: letters and digits, with inner apostrophes, dots and hyphens. */
const PHRASE_WORD = /[\p{L}\d][\p{L}\d'’.-]*/gu;

function describedAtEnd(ctx: PhraseContext, phrase: string, base: number): Described | undefined {
  const words: Word[] = allMatches(PHRASE_WORD, phrase).map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const from = Math.max(0, words.length - MAX_TAIL);
  for (let k = from; k < words.length; k++) {
    const head = headAt(words, k);
    if (!head || !isPpTail(phrase, words, k)) continue;
    const hasPerson = (at: number) =>
      within(ctx.candidates, base + at, base + phrase.length).some((c) => c.kind === 'person');
    const d = describe(phrase, words, k, head, hasPerson);
    if (d)
      return {
        ...d,
        start: base + d.start,
        headStart: base + d.headStart,
        headEnd: base + d.headEnd,
        end: base + phrase.length,
      };
  }
  return undefined;
}

interface Described extends Candidate {
  readonly headStart: number;
  readonly headEnd: number;
}

function headAt(words: readonly Word[], k: number): { kind: DescribedKind; first: number } | undefined {
  const w = (words[k]?.text ?? '').toLowerCase().replace(/['’]s$/u, '');
  const two = `${(words[k - 1]?.text ?? '').toLowerCase()} ${w}`;
  if (two === 'press service' || two === 'news agency') return { kind: 'organization', first: k - 1 };
  const kind = describedKind(w);
  return kind ? { kind, first: k } : undefined;
}

/** After the head: nothing, or a prepositional phrase with no clause break. */
function isPpTail(phrase: string, words: readonly Word[], k: number): boolean {
  const next = words[k + 1];
  const head = words[k];
  if (!head) return false;
  if (!next) return true;
  if (!PP_WORDS.has(next.text.toLowerCase())) return false;
  return !/[,;:]/u.test(phrase.slice(head.end));
}

function describe(
  phrase: string,
  words: readonly Word[],
  k: number,
  head: { kind: DescribedKind; first: number },
  hasPerson: (from: number) => boolean,
): Described | undefined {
  let i = head.first;
  let det: Word | undefined;
  let detAt = -1;
  while (i > 0 && head.first - i < MAX_MODIFIERS) {
    const prev = words[i - 1];
    const cur = words[i];
    if (!prev || !cur || /[,;:()]/u.test(phrase.slice(prev.end, cur.start))) break;
    const lower = prev.text.toLowerCase();
    if (DETERMINER_WORDS.has(lower)) {
      det = prev;
      detAt = i - 1;
      break;
    }
    if (STOP_BEFORE.has(lower) || PP_WORDS.has(lower)) break;
    i--;
  }
  const first = words[i];
  const headWord = words[k];
  if (!first || !headWord || isObjectOfPreposition(phrase, words, detAt >= 0 ? detAt : i)) return undefined;
  const modifiers = words.slice(i, head.first);
  // The description opens its clause: nothing but an adverbial and a comma before it ("Earlier, officials").
  const isOpening = !/\S/u.test(phrase.slice(0, first.start).replace(/^.*[,;:]/su, ''));
  const isProper = modifiers.length > 0 && modifiers.every((w) => /^\p{Lu}/u.test(w.text));
  const isBare = (head.kind === 'group' || head.kind === 'person') && modifiers.length <= 1;
  if (!det && !isProper && !(isOpening && isBare) && !(i === 0 && isBare && modifiers.length === 0))
    return undefined;
  const oneOf = det && /one\s+of\s+the\s*$/iu.test(phrase.slice(0, det.end)) ? 'one of the ' : '';
  const lead = oneOf ? phrase.slice(0, det?.end).search(/one\s+of\s+the\s*$/iu) : (det ?? first).start;
  const tail = phrase.slice(headWord.end).trim();
  const isDefinite = det?.text.toLowerCase() === 'the';
  // Keep a prepositional phrase naming a body ("a source in the UN"), not a lower-case place.
  const keepPp =
    (/^(?:in|at|within|with|of|for)\s+(?:the\s+)?\p{Lu}/u.test(tail) && !hasPerson(headWord.end)) ||
    (head.kind === 'document' && tail !== '');
  const core = phrase.slice(first.start, headWord.end);
  // An unresolved "the paper" stays "the paper": the article says it points back.
  const article = isDefinite && !oneOf ? 'the ' : '';
  const name = `${article}${oneOf}${core}${keepPp ? ` ${tail}` : ''}`.replace(/\s+/g, ' ').trim();
  const kind = head.kind;
  return {
    start: Math.max(0, lead),
    end: phrase.length,
    headStart: words[head.first]?.start ?? headWord.start,
    headEnd: headWord.end,
    kind: kind === 'person' ? 'person' : 'organization',
    name,
    id: null,
    refers: kind,
    ...(kind === 'document' || (kind === 'organization' && isDefinite)
      ? { anaphor: ['organization'] as const }
      : {}),
  };
}

/** "spokesman for Defence Headquarters", "adviser to the head of the Office": a body inside a phrase, not its head. */
function isObjectOfPreposition(phrase: string, words: readonly Word[], at: number): boolean {
  const before = words[at - 1];
  const cur = words[at];
  if (!before || !cur || /[,;:()]/u.test(phrase.slice(before.end, cur.start))) return false;
  // "one of the officers" is one officer, not a phrase inside another.
  if (
    before.text.toLowerCase() === 'of' &&
    /^(?:one|two|three|some|several|many|each|none)$/iu.test(words[at - 2]?.text ?? '')
  )
    return false;
  return PP_WORDS.has(before.text.toLowerCase());
}

/** "the ministry spokesman Ana Ruiz said": the name given right after the description. */
function personRightAfterHead(ctx: PhraseContext, d: Described, to: number): Candidate | undefined {
  const people = within(ctx.candidates, d.headEnd, to).filter((c) => c.kind === 'person');
  const last = people[people.length - 1];
  if (!last || to - last.end > 2) return undefined;
  // "an officer loyal to President X": the name is the object of a preposition, not the speaker.
  const between = ctx.text.slice(d.headEnd, last.start).trim().split(/\s+/u);
  while (
    between.length > 0 &&
    TITLE_WORDS.has((between[between.length - 1] ?? '').toLowerCase().replace(/\.$/u, ''))
  )
    between.pop();
  return PP_WORDS.has((between[between.length - 1] ?? '').toLowerCase()) ? undefined : last;
}

/**
 * Phenomenon: a document speaks for the body that issued it ("a press statement from the
 * mission", "a statement from the provincial governor"): the issuer named after "from" or "by".
 */
function documentIssuer(ctx: PhraseContext, d: Described, to: number): Candidate | undefined {
  if (d.refers !== 'document') return undefined;
  const m = /\b(?:from|by|of)\s+(.{2,90})$/u.exec(ctx.text.slice(d.start, to));
  if (!m?.[1]) return undefined;
  const issuer = speakerOfPhrase(ctx, to - m[1].length, to);
  return issuer && issuer.refers !== 'document' ? issuer : undefined;
}

/** Whether a speaker found before may be what an anaphor points back at. */
export function isCompatible(anaphor: readonly DescribedKind[], speaker: Candidate): boolean {
  return anaphor.includes(referentOf(speaker));
}

/** What kind of thing a speaker is, for pronouns: a person, a group, a body. */
export function referentOf(c: Candidate): DescribedKind {
  if (c.refers) return c.refers === 'document' ? 'organization' : c.refers;
  return c.kind === 'person' ? 'person' : 'organization';
}
