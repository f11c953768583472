import { worldCountries } from '../world/countries.js';
import type { Theatre } from './theatre.js';

/** Folded words: lower case, no diacritics, apostrophes dropped ("People's" → "peoples"). */
function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const MAX_PHRASE_WORDS = 8;
/** The code of a name that belongs to no party (an international body). */
const NO_PARTY = '';

function longestAt(
  byPhrase: ReadonlyMap<string, string>,
  tokens: readonly string[],
  i: number,
): { code: string; words: number } | undefined {
  for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 1; n--) {
    const code = byPhrase.get(tokens.slice(i, i + n).join(' '));
    if (code !== undefined) return { code, words: n };
  }
  return undefined;
}
/** Actor names longer than this are not names; only their start is read. */
const MAX_ACTOR_CHARS = 300;

interface PartyIndex {
  readonly byPhrase: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<Theatre, PartyIndex>();

function partyIndex(theatre: Theatre): PartyIndex {
  const cached = indexes.get(theatre);
  if (cached) return cached;
  const byPhrase = new Map<string, string>();
  const add = (phrase: string, code: string) => {
    const key = words(phrase).join(' ');
    if (key !== '' && !byPhrase.has(key)) byPhrase.set(key, code);
  };
  // The packs first: what a center declared decides over the world base's generic names.
  for (const party of theatre.parties) [party.name, ...party.aliases].forEach((n) => add(n, party.code));
  // An international or neutral body's name ('' = no party) is read as a whole and skipped, so
  // "OSCE Special Monitoring Mission to Ukraine" is not Ukraine's.
  for (const actor of theatre.actors) actor.aliases.forEach((n) => add(n, actor.party ?? NO_PARTY));
  const world = worldCountries();
  for (const c of world.all) c.names.forEach((n) => add(n, c.alpha2));
  for (const [demonym, c] of world.demonymOwners) add(demonym, c.alpha2);
  const index = { byPhrase };
  indexes.set(theatre, index);
  return index;
}

/**
 * The party code an actor's name stands for: a pack's party, actor or alias, else the country
 * whose name or demonym it contains ("Military Forces of Mali" → "ML", an armed group's alias
 * → its pack code); null when it names no party ("protesters", "unidentified gunmen", a
 * mission). The longest name found earliest in the text wins; an international body's name is
 * read whole and passed over ("UN-backed Libyan forces" → "LY").
 *
 * @example partyOf(theatre, 'Malian armed forces') // 'ML'
 */
export function partyOf(theatre: Theatre, actor: string | null | undefined): string | null {
  if (!actor) return null;
  const { byPhrase } = partyIndex(theatre);
  const tokens = words(actor.slice(0, MAX_ACTOR_CHARS));
  let i = 0;
  while (i < tokens.length) {
    const found = longestAt(byPhrase, tokens, i);
    if (found && found.code !== NO_PARTY) return found.code;
    i += found ? found.words : 1;
  }
  return null;
}

/**
 * Distinct party codes of the named actors, in order, unknown ones skipped.
 *
 * @example partiesOf(theatre, ['Malian forces', null, 'Niger']) // ['ML', 'NE']
 */
export function partiesOf(theatre: Theatre, actors: readonly (string | null | undefined)[]): string[] {
  const codes = actors.map((a) => partyOf(theatre, a)).filter((c): c is string => c !== null);
  return [...new Set(codes)];
}

/**
 * The display name of a party code: the pack's name, else the country's.
 *
 * @example partyName(theatre, 'ML') // 'Mali'
 */
export function partyName(theatre: Theatre, code: string): string {
  return theatre.partyByCode.get(code)?.name ?? worldCountries().byAlpha2.get(code)?.name ?? code;
}

/** True when the code is a party of an active pack or a country of the world base. */
export function isKnownParty(theatre: Theatre, code: string): boolean {
  return theatre.partyByCode.has(code) || worldCountries().byAlpha2.has(code);
}
