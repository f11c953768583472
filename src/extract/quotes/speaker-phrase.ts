import { firstAtOrAfter, within } from '../text/ranges.js';
import { appositiveSubject, type Candidate } from './candidates.js';
import {
  BETWEEN_SPEAKER_AND_VERB,
  DESCRIBED_HEADS,
  DETERMINERS,
  describedKind,
  PRONOUN_POINTS_AT,
  type DescribedKind,
} from './speaker-words.js';

export interface PhraseContext {
  readonly text: string;
  readonly candidates: readonly Candidate[];
}

const HEADS = DESCRIBED_HEADS.map((h) => h.replace(/\s+/g, '\\s+')).join('|');
/**
 * Phenomenon: an unnamed speaker described by office, body or document, written just before its
 * verb ("a senior military officer from the president's faction", "the rebel group", "a source in
 * the UN", "the Krasnaya-style newspaper"): a determiner or capitalised words, up to five
 * modifiers, a head word, then an optional prepositional phrase.
 */
const DESCRIPTION_AT_END = new RegExp(
  `(?:^|[\\s,(])((?:${DETERMINERS})\\s+|(?:\\p{Lu}[\\p{L}-]*\\s+){1,3})((?:[\\p{L}\\d'’.-]+\\s+){0,5}?)(${HEADS})` +
    `((?:\\s+(?:of|from|in|at|with|for|to|within|loyal\\s+to)\\s+[^,;:]{1,90}?)?)\\s*$`,
  'iu',
);
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
  const description = describedAtEnd(ctx, trimmed, start);
  if (description && !(named && named.start >= description.start)) {
    return personRightAfterHead(ctx, description, end) ?? documentIssuer(ctx, description, end) ?? description;
  }
  if (named) return named;
  const acronym = ACRONYM_AT_END.exec(trimmed);
  if (!acronym?.[1]) return undefined;
  const at = end - acronym[1].length;
  return { start: at, end, kind: 'organization', name: acronym[1], id: null, refers: 'organization' };
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

function describedAtEnd(ctx: PhraseContext, phrase: string, base: number): Candidate | undefined {
  const m = DESCRIPTION_AT_END.exec(phrase);
  if (!m?.[3]) return undefined;
  const kind = describedKind(m[3].replace(/\s+/g, ' ')) ?? 'organization';
  const lead = m[1] ?? '';
  const isCapitalLead = !new RegExp(`^(?:${DETERMINERS})\\s`, 'iu').test(lead);
  const modifiers = `${isCapitalLead ? lead : ''}${m[2] ?? ''}`;
  const pp = (m[4] ?? '').trim();
  // Keep a prepositional phrase naming a body ("a source in the UN"), not a lower-case place.
  const keepPp = /^(?:in|at|within|with)\s+(?:the\s+)?\p{Lu}/u.test(pp) || kind === 'document';
  const name = `${modifiers}${m[3]}${keepPp && pp ? ` ${pp}` : ''}`.replace(/\s+/g, ' ').trim();
  const start = base + (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
  return {
    start,
    end: base + phrase.length,
    kind: kind === 'person' ? 'person' : 'organization',
    name,
    id: null,
    refers: kind,
    ...(kind === 'document' || (kind === 'organization' && /^the\s/iu.test(lead))
      ? { anaphor: ['organization'] as const }
      : {}),
  };
}

/** "the ministry spokesman Ana Ruiz said": the name given right after the description. */
function personRightAfterHead(ctx: PhraseContext, d: Candidate, to: number): Candidate | undefined {
  const people = within(ctx.candidates, d.start, to).filter((c) => c.kind === 'person');
  const last = people[people.length - 1];
  if (!last || to - last.end > 2) return undefined;
  const before = ctx.text.slice(d.start, last.start);
  return DESCRIPTION_AT_END.test(before.trimEnd()) ? last : undefined;
}

/**
 * Phenomenon: a document speaks for the body that issued it ("a press statement from the
 * mission", "a statement from the provincial governor"): the issuer named after "from" or "by".
 */
function documentIssuer(ctx: PhraseContext, d: Candidate, to: number): Candidate | undefined {
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
