import type { Token } from '../text/tokens.js';
import { isTight } from '../text/tokens.js';
import { foldWord } from '../text/fold.js';
import { matchPhrases } from '../text/phrase-trie.js';
import type { Theatre } from '../../theatre/theatre.js';
import { actorIndex, isNationalityWord, type ActorIndex, type ActorKind } from './actor-index.js';
import { organizationInRun } from './organization-runs.js';
import { MONTHS_AND_DAYS, NOT_PERSON_WORDS, STOP_WORDS, TITLE_WORDS } from './name-words.js';

export interface EntityMention {
  readonly start: number;
  readonly end: number;
  readonly kind: ActorKind;
  /** The theatre's actor id, or null for a person or body the theatre does not know. */
  readonly id: string | null;
  readonly name: string;
  /** The party code of the actor ("ML", or a pack's own code), when the theatre or the wording tells it. */
  readonly party: string | null;
  /** Folded title and nationality words written just before the name ("malian", "president"). */
  readonly titles: readonly string[];
}

interface Ctx {
  readonly index: ActorIndex;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly taken: Uint8Array;
}

/**
 * Finds people, organisations and states: the theatre's actors first (aliases and misspellings),
 * then unknown people from runs of capitalised words, then surnames that repeat a person
 * already named ("Olga Oliker … Oliker").
 *
 * @example findEntities(text, tokenize(text), new Uint8Array(tokens.length), activeTheatre())
 */
export function findEntities(
  text: string,
  tokens: readonly Token[],
  placeTokens: Uint8Array,
  theatre?: Theatre,
): EntityMention[] {
  const ctx: Ctx = { index: actorIndex(theatre), text, tokens, taken: placeTokens.slice() };
  const known = findKnown(ctx);
  const unknown = findUnknownPeople(ctx);
  const all = [...known, ...unknown].sort((a, b) => a.start - b.start);
  const surnames = findSurnames(ctx, all);
  return [...all, ...surnames].sort((a, b) => a.start - b.start);
}

function findKnown(ctx: Ctx): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of matchPhrases(ctx.text, ctx.tokens, ctx.index.trie, { requireCap: true })) {
    const actor = m.values[0];
    if (!actor) continue;
    // A state's name that the gazetteer already read as a place stays a place here.
    if (actor.kind === 'state' && ctx.taken[m.first] === 1) continue;
    // "Nikol Pasjinian": a first name in front of a known surname belongs to the mention.
    const first = actor.kind === 'person' && hasFirstName(ctx, m.first) ? m.first - 1 : m.first;
    mark(ctx, first, m.last);
    const titles = titlesBefore(ctx, first);
    out.push({ ...pick(actor), start: ctx.tokens[first]?.start ?? m.start, end: m.end, titles });
  }
  return out;
}

function hasFirstName(ctx: Ctx, index: number): boolean {
  const prev = ctx.tokens[index - 1];
  const tok = ctx.tokens[index];
  if (!prev || !tok || ctx.taken[index - 1] === 1 || !prev.isCap) return false;
  return isNameWord(prev) && !isNationalityWord(ctx.index, prev.norm) && isTight(ctx.text, prev, tok);
}

function pick(a: { id: string; kind: ActorKind; name: string; party: string | null }) {
  return { id: a.id, kind: a.kind, name: a.name, party: a.party };
}

function mark(ctx: Ctx, from: number, to: number): void {
  for (let i = from; i < to; i++) ctx.taken[i] = 1;
}

function titlesBefore(ctx: Ctx, index: number): string[] {
  const out: string[] = [];
  for (let i = index - 1; i >= 0 && i >= index - 5; i--) {
    const tok = ctx.tokens[i];
    const next = ctx.tokens[i + 1];
    if (!tok || !next || !isTight(ctx.text, tok, next)) break;
    if (!TITLE_WORDS.has(tok.norm) && !isNationalityWord(ctx.index, tok.norm) && tok.norm !== 'un') break;
    out.push(tok.norm);
  }
  return out;
}

function findUnknownPeople(ctx: Ctx): EntityMention[] {
  const out: EntityMention[] = [];
  let i = 0;
  while (i < ctx.tokens.length) {
    const end = capitalRunEnd(ctx, i);
    if (end > i) {
      const found =
        organizationInRun(ctx.index, ctx.text, ctx.tokens, i, end) ??
        personAfterOffice(ctx, i, end) ??
        personInRun(ctx, i, end);
      if (found) out.push(found);
      i = end;
    } else i++;
  }
  return out;
}

function capitalRunEnd(ctx: Ctx, i: number): number {
  let j = i;
  while (j < ctx.tokens.length && j - i < 8) {
    const tok = ctx.tokens[j];
    if (!tok || ctx.taken[j] === 1 || !(tok.isCap || (j > i && isParticle(ctx, j)))) break;
    const next = ctx.tokens[j + 1];
    j++;
    if (!next || !isJoined(ctx.text, tok, next)) break;
  }
  return j;
}

/**
 * Phenomenon: names written with an apostrophe or a lower-case particle ("Stephen O'Brien",
 * "Muhannad al-Asadi", "Mohammed bin Salman"): the particle belongs to the name when a
 * capitalised word follows it.
 */
const PARTICLES = new Set(
  'al el ad ar as ash at az bin ibn bint abu van von de da di du del der la le'.split(' '),
);

function isParticle(ctx: Ctx, j: number): boolean {
  const tok = ctx.tokens[j];
  const next = ctx.tokens[j + 1];
  return (
    tok !== undefined &&
    next !== undefined &&
    PARTICLES.has(tok.text) &&
    next.isCap &&
    isJoined(ctx.text, tok, next)
  );
}

function isJoined(text: string, left: Token, right: Token): boolean {
  return isTight(text, left, right) || /^['’]$/u.test(text.slice(left.end, right.start));
}

function isNamePart(ctx: Ctx, tok: Token, j: number): boolean {
  if (PARTICLES.has(tok.text)) return true;
  // The "O" of "O'Brien", the "D" of "D'Souza".
  const next = ctx.tokens[j + 1];
  return (
    tok.text.length === 1 &&
    tok.isCap &&
    next !== undefined &&
    /^['’]$/u.test(ctx.text.slice(tok.end, next.start))
  );
}

function personInRun(ctx: Ctx, from: number, to: number): EntityMention | undefined {
  let i = from;
  while (i < to && isPrefixWord(ctx.index, ctx.tokens[i])) i++;
  const words = ctx.tokens.slice(i, to);
  const isTitled = (i > from && TITLE_WORDS.has(ctx.tokens[i - 1]?.norm ?? '')) || titleJustBefore(ctx, from);
  const parts = words.filter((w, k) => !isNamePart(ctx, w, i + k)).length;
  if (parts < (isTitled ? 1 : 2) || parts > 4) return undefined;
  if (!words.every((w, k) => isNameWord(w) || isNamePart(ctx, w, i + k))) return undefined;
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last || isNamePart(ctx, last, to - 1)) return undefined;
  mark(ctx, i, to);
  const name = ctx.text.slice(first.start, last.end);
  return {
    start: first.start,
    end: last.end,
    kind: 'person',
    id: null,
    name,
    party: null,
    titles: titlesBefore(ctx, i),
  };
}

/**
 * Phenomenon: a long capitalised office written before the name ("Under Secretary General for
 * Humanitarian Affairs Stephen O'Brien"): after an office word, the last two or three words of
 * the run are the person.
 */
function personAfterOffice(ctx: Ctx, from: number, to: number): EntityMention | undefined {
  for (let i = Math.max(from + 1, to - 4); i <= to - 2; i++) {
    if (!OFFICE_ENDS.has(ctx.tokens[i - 1]?.norm ?? '')) continue;
    return personInRun(ctx, i, to);
  }
  return undefined;
}

const OFFICE_ENDS = new Set(
  'affairs operations relations ministry office council department command mission committee staff forces service agency'.split(
    ' ',
  ),
);

function isPrefixWord(index: ActorIndex, tok: Token | undefined): boolean {
  if (!tok) return false;
  return (
    STOP_WORDS.has(tok.norm) ||
    TITLE_WORDS.has(tok.norm) ||
    isNationalityWord(index, tok.norm) ||
    tok.norm === 'un'
  );
}

function isNameWord(tok: Token): boolean {
  if (tok.text.length < 2 || /\d/.test(tok.text)) return false;
  if (tok.text.length > 2 && tok.text === tok.text.toUpperCase()) return false;
  const n = tok.norm;
  return !STOP_WORDS.has(n) && !TITLE_WORDS.has(n) && !NOT_PERSON_WORDS.has(n) && !MONTHS_AND_DAYS.has(n);
}

function findSurnames(ctx: Ctx, people: readonly EntityMention[]): EntityMention[] {
  const bySurname = new Map<string, EntityMention>();
  for (const p of people) {
    if (p.kind !== 'person') continue;
    // A known person's surname counts too when the pack lists only the full name.
    const surname = lastWord(p.name);
    if (p.id === null || !bySurname.has(surname)) bySurname.set(surname, p);
  }
  if (bySurname.size === 0) return [];
  const out: EntityMention[] = [];
  ctx.tokens.forEach((tok, i) => {
    const person = bySurname.get(tok.norm);
    if (!person || ctx.taken[i] === 1 || !tok.isCap || tok.start < person.start) return;
    out.push({ ...person, start: tok.start, end: tok.end, titles: titlesBefore(ctx, i) });
  });
  return out;
}

function lastWord(name: string): string {
  const words = name.split(' ');
  return foldWord(words[words.length - 1] ?? '');
}

/** "Mr. Smith", "Gen. Petrov": a title abbreviation ends just before the run. */
function titleJustBefore(ctx: Ctx, index: number): boolean {
  const prev = ctx.tokens[index - 1];
  const tok = ctx.tokens[index];
  if (!prev || !tok || !TITLE_WORDS.has(prev.norm)) return false;
  return /^\.\s$/.test(ctx.text.slice(prev.end, tok.start));
}
