import type { EntityMention } from '../actors/entities.js';
import { actorIndex, partyOfWord, type ActorIndex, type ActorKind } from '../actors/actor-index.js';
import { firstAtOrAfter } from '../text/ranges.js';
import type { PlaceMention } from '../places.js';
import { bodyCandidates } from './body-candidates.js';
import { isInsideQuote, type QuotedSpan } from './quoted-spans.js';
import type { DescribedKind } from './speaker-words.js';

export type CandidateKind = 'person' | 'organization' | 'state' | 'force' | 'pronoun';

/** Something in the text that could be the speaker of a quote. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly kind: CandidateKind;
  readonly name: string;
  readonly id: string | null;
  /** What it is, for pronouns pointing back at it (set for descriptions; else read from `kind`). */
  readonly refers?: DescribedKind;
  /** A pronoun or document ("it", "the statement") that takes the speaker of an earlier statement. */
  readonly anaphor?: readonly DescribedKind[];
}

const ROLES =
  'president|prime minister|foreign minister|defen[cs]e minister|minister|spokesman|spokeswoman|spokesperson|' +
  'general|commander|leader|secretary-general|ambassador|envoy|ombudsman|official|chief';
const ROLE = new RegExp(`\\b(?:[Tt]he|(\\p{Lu}\\p{L}+)['’]s)\\s+(?:(\\p{L}+)\\s+)?(${ROLES})\\b`, 'gu');
const ORG_ROLE =
  /\b[Tt]he\s+(ministry|mission|department|army|committee|government|office|embassy|police|commission)\b/g;
/** "he"/"she" anywhere; "it"/"they" only as the subject of a speech verb ("it said", "they added"). */
const LEADER_TITLES = ['leader', 'president', 'premier', 'prime', 'minister', 'chancellor', 'king'];
const PRONOUN =
  /\b(?:he|she|He|She|(?:it|It|they|They)(?=\s+(?:also\s+|later\s+)?(?:said|says|added|told|stated|wrote|noted|reported|announced|claimed)\b))\b/g;

/** How a theatre's actor kind speaks: bodies of every sort speak as organisations. */
const SPEAKER_KIND: Readonly<Record<Exclude<ActorKind, 'outlet'>, CandidateKind>> = {
  person: 'person',
  state: 'state',
  force: 'force',
  armed_group: 'organization',
  ministry: 'organization',
  organization: 'organization',
  mission: 'organization',
};

/**
 * Every possible speaker in the text, in order: named people and organisations outside quotes,
 * definite descriptions resolved to the person they describe ("the Malian president"), and
 * pronouns (resolved later against the last speaker).
 *
 * @example speakerCandidates(text, entities, spans)
 */
export function speakerCandidates(
  text: string,
  entities: readonly EntityMention[],
  spans: readonly QuotedSpan[],
  places: readonly PlaceMention[] = [],
  index: ActorIndex = actorIndex(),
): Candidate[] {
  // A news outlet reports what others said; it is never the speaker.
  const speakers = entities.filter((e) => e.kind !== 'outlet');
  const named: Candidate[] = speakers
    .filter((e) => !isInsideQuote(spans, e.start))
    .map((e) => ({ start: e.start, end: e.end, kind: speakerKind(e.kind), name: e.name, id: e.id }));
  const roles = [...text.matchAll(ROLE)].flatMap((m) => roleCandidate(index, m, speakers, spans));
  const orgRoles = [...text.matchAll(ORG_ROLE)].flatMap((m) => orgRoleCandidate(m, speakers, spans));
  const pronouns: Candidate[] = [...text.matchAll(PRONOUN)]
    .filter((m) => !isInsideQuote(spans, m.index))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'pronoun', name: m[0], id: null }));
  const bodies = bodyCandidates(index, text, places, spans).filter((b) => !isCovered(named, b.start));
  return [...named, ...roles, ...orgRoles, ...bodies, ...pronouns].sort((a, b) => a.start - b.start);
}

function speakerKind(kind: ActorKind): CandidateKind {
  return kind === 'outlet' ? 'organization' : SPEAKER_KIND[kind];
}

function roleCandidate(
  index: ActorIndex,
  m: RegExpMatchArray,
  entities: readonly EntityMention[],
  spans: readonly QuotedSpan[],
): Candidate[] {
  const start = m.index ?? 0;
  if (isInsideQuote(spans, start)) return [];
  const end = start + m[0].length;
  const next = entities[firstAtOrAfter(entities, start)];
  if (next && next.start <= end + 1) return [];
  // "the Malian president", "Chad's foreign minister": a nationality or a country's possessive.
  const party = partyOfWord(index, m[1]) ?? partyOfWord(index, m[2]);
  const role = (m[3] ?? '').toLowerCase().replace('defense', 'defence');
  const person = lastMatching(index, entities, start, role, party);
  return person ? [{ start, end, kind: 'person', name: person.name, id: person.id }] : [];
}

function lastMatching(
  index: ActorIndex,
  entities: readonly EntityMention[],
  before: number,
  role: string,
  party: string | undefined,
): EntityMention | undefined {
  const head = role.split(' ').pop() ?? role;
  // Phenomenon: "the Russian leader" is that country's president or prime minister.
  const heads = head === 'leader' ? LEADER_TITLES : [head];
  const end = firstAtOrAfter(entities, before);
  for (let i = end - 1; i >= 0 && i >= end - 300; i--) {
    const e = entities[i];
    if (!e || e.kind !== 'person') continue;
    const office = e.id ? (index.byId.get(e.id)?.office ?? '') : '';
    const hasRole = heads.some((h) => office.includes(h) || e.titles.includes(h));
    const partyOk = !party || e.party === party || e.titles.some((t) => index.partyWords.get(t) === party);
    if (hasRole && partyOk) return e;
  }
  return undefined;
}

/** "the ministry said": the last organisation named with that word. */
function orgRoleCandidate(
  m: RegExpMatchArray,
  entities: readonly EntityMention[],
  spans: readonly QuotedSpan[],
): Candidate[] {
  const start = m.index ?? 0;
  if (isInsideQuote(spans, start)) return [];
  const word = (m[1] ?? '').toLowerCase();
  const end = firstAtOrAfter(entities, start);
  for (let i = end - 1; i >= 0 && i >= end - 300; i--) {
    const e = entities[i];
    if (e && e.kind !== 'person' && e.name.toLowerCase().includes(word)) {
      return [{ start, end: start + m[0].length, kind: 'organization', name: e.name, id: e.id }];
    }
  }
  return [];
}

/** ", an aide to the president," — a described role between commas, not another name. */
const APPOSITIVE = /^\s*,(?=[^,;.]*\b\p{Ll}{2,})[^,;.]{1,100},\s*$/u;

/**
 * "Ana Ruiz, an aide to President Luis Mora, said": the person before an appositive clause is
 * the subject, not the person named inside it.
 *
 * @example appositiveSubject(text, candidates, 0, text.indexOf('said'))?.name // 'Ana Ruiz'
 */
export function appositiveSubject(
  text: string,
  candidates: readonly Candidate[],
  floor: number,
  verbAt: number,
): Candidate | undefined {
  for (let i = firstAtOrAfter(candidates, floor); i < candidates.length; i++) {
    const c = candidates[i];
    if (!c || c.end > verbAt) break;
    if (c.kind === 'person' && APPOSITIVE.test(text.slice(c.end, verbAt))) return c;
  }
  return undefined;
}

/** Whether a sorted, non-overlapping list has an item covering `offset`. */
function isCovered(sorted: readonly Candidate[], offset: number): boolean {
  const c = sorted[firstAtOrAfter(sorted, offset + 1) - 1];
  return c !== undefined && c.start <= offset && c.end > offset;
}
