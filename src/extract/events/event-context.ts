import { partyName } from '../../theatre/parties.js';
import type { Theatre } from '../../theatre/theatre.js';
import { activeTheatre } from '../../theatre/active.js';
import { actorIndex } from '../actors/actor-index.js';
import type { EntityMention } from '../actors/entities.js';
import type { PlaceMention } from '../places.js';
import { matchPhrases } from '../text/phrase-trie.js';
import type { Token } from '../text/tokens.js';
import { within } from '../text/ranges.js';

export interface Window {
  readonly start: number;
  readonly end: number;
  readonly triggerStart: number;
  readonly triggerEnd: number;
}

export interface PartyMention {
  readonly start: number;
  readonly end: number;
  /** The party code ("ML", or a pack's own code); `actor:ID` for a mission, which is no party. */
  readonly party: string;
  /** The party's display name in the theatre; `partyOf` reads it back to the same code. */
  readonly name: string;
  /** Joined to the mention before it by "and" or "with" ("Peruvian troops and rebel fighters"). */
  readonly coordinated?: boolean;
}

/**
 * Phenomenon: a country named as the place ("a mine hit a patrol in northwestern Ruritania") is
 * where it happened, not a party to it.
 */
const IN_COUNTRY =
  /\b(?:in|inside|across|throughout)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern|-?(?:east|west)(?:ern)?)?\s+)?$/i;

/** Between two party mentions: a few words, then "and" / "with" ("… troops and …"). */
const COORDINATION = /^\s+(?:[\p{L}-]+\s+){0,2}(?:and|with)\s+(?:the\s+)?$/u;

/**
 * Every mention of a party in the text: states, people and bodies of a party, and nationality
 * words of the world base ("Peruvian", "Sri Lankan").
 *
 * @example partyMentions(text, tokens, entities, places, theatre)[0]?.party // 'PE'
 */
export function partyMentions(
  text: string,
  tokens: readonly Token[],
  entities: readonly EntityMention[],
  places: readonly PlaceMention[],
  theatre: Theatre = activeTheatre(),
): PartyMention[] {
  const index = actorIndex(theatre);
  const out: PartyMention[] = [];
  const add = (start: number, end: number, party: string) =>
    out.push({ start, end, party, name: partyName(theatre, party) });
  for (const e of entities) {
    if (e.party && e.kind !== 'outlet') add(e.start, e.end, e.party);
    // A mission belongs to no party but acts and is attacked: it is an actor under its own name.
    else if (e.kind === 'mission' && e.id)
      out.push({ start: e.start, end: e.end, party: `actor:${e.id}`, name: e.name });
  }
  for (const p of places)
    if (
      p.place.kind === 'country' &&
      p.place.country &&
      !IN_COUNTRY.test(text.slice(Math.max(0, p.start - 30), p.start))
    )
      add(p.start, p.end, p.place.country);
  for (const m of matchPhrases(text, tokens, index.demonyms, { requireCap: true })) {
    const party = m.values[0];
    if (party) add(m.start, m.end, party);
  }
  out.sort((a, b) => a.start - b.start);
  return out.map((p, i) => {
    const prev = out[i - 1];
    const joined =
      prev !== undefined && p.start - prev.end <= 40 && COORDINATION.test(text.slice(prev.end, p.start));
    return joined ? { ...p, coordinated: true } : p;
  });
}

/** actor1: the party named closest before the trigger; actor2: the first other party after it. */
export function pickActors(parties: readonly PartyMention[], w: Window): [string | null, string | null] {
  const [before, after] = pickActorParties(parties, w);
  return [before?.name ?? null, after?.name ?? null];
}

/**
 * The parties `pickActors` names, with their codes, for callers that keep codes.
 *
 * @example pickActorParties(parties, w).map((p) => p?.party) // ['AZ', 'RU']
 */
export function pickActorParties(
  parties: readonly PartyMention[],
  w: Window,
): [PartyMention | undefined, PartyMention | undefined] {
  let first: PartyMention | undefined;
  let before: PartyMention | undefined;
  let after: PartyMention | undefined;
  for (const p of within(parties, w.start, w.end)) {
    if (p.start < w.triggerStart) [first, before] = [before, p];
    else if (!after && p.start >= w.triggerStart && p.party !== before?.party) after = p;
  }
  // "Peruvian troops and rebel fighters clashed", "X and Y agreed": both sides are named before the trigger.
  if (before?.coordinated === true && first && first.party !== before.party) return [first, before];
  return [before, after];
}
