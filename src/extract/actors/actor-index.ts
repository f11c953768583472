import { activeTheatre } from '../../theatre/active.js';
import type { ActorKind } from '../../theatre/schema.js';
import type { Theatre } from '../../theatre/theatre.js';
import { worldCountries } from '../../world/countries.js';
import { foldName } from '../text/fold.js';
import { addPhrase, createTrie, type PhraseTrie } from '../text/phrase-trie.js';
import { nationalities } from './nationality.js';

export type { ActorKind };

/** One actor extraction can recognise: a pack's actor or party, or a country of the world base. */
export interface ActorEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** The party code the actor belongs to ("ML" for a state, or a pack's own code), or null for international bodies. */
  readonly party: string | null;
  readonly aliases: readonly string[];
  /** Office words ("president", "spokesman") for resolving "the Malian president". */
  readonly office?: string | undefined;
}

export interface ActorIndex {
  readonly trie: PhraseTrie<ActorEntry>;
  readonly byId: ReadonlyMap<string, ActorEntry>;
  /** Folded one-word nationality adjectives and peoples ("peruvian", "chadians") to their party. */
  readonly partyWords: ReadonlyMap<string, string>;
  /** Every nationality adjective and people, of one word or more ("Sri Lankan"), to its party. */
  readonly demonyms: PhraseTrie<string>;
  /** Folded words that are part of a nationality ("sri", "lankan", "peruvian"). */
  readonly nationalityParts: ReadonlySet<string>;
  /** Folded country and party names ("peru", "republic of peru", and a pack's "ltte") to their party. */
  readonly partyNames: ReadonlyMap<string, string>;
}

const cached = new WeakMap<Theatre, ActorIndex>();

/**
 * The actors of a theatre as a word trie, built once per theatre: the packs' actors (people,
 * forces, armed groups, ministries, missions, outlets) and parties, then every country of the
 * world base as a state. Nothing here names a conflict; the packs do.
 *
 * @example actorIndex(loadTheatre(['international'])).byId.get('state-fr')?.name // 'France'
 */
export function actorIndex(theatre: Theatre = activeTheatre()): ActorIndex {
  const hit = cached.get(theatre);
  if (hit) return hit;
  const index = buildIndex(theatre);
  cached.set(theatre, index);
  return index;
}

function buildIndex(theatre: Theatre): ActorIndex {
  const entries: ActorEntry[] = [
    ...theatre.actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      party: a.party,
      aliases: a.aliases,
      office: a.office ?? a.offices[0]?.title.toLowerCase(),
    })),
    ...partyEntries(theatre),
    ...worldCountries().all.map((c) => ({
      id: `state-${c.alpha2.toLowerCase()}`,
      name: theatre.partyByCode.get(c.alpha2)?.name ?? c.name,
      kind: 'state' as const,
      party: c.alpha2,
      aliases: c.names,
    })),
  ];
  const trie = createTrie<ActorEntry>();
  const byId = new Map<string, ActorEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) continue;
    byId.set(entry.id, entry);
    for (const alias of entry.aliases) addPhrase(trie, foldName(alias), entry);
  }
  const nations = nationalities();
  return {
    trie,
    byId,
    partyWords: nations.oneWord,
    demonyms: nations.trie,
    nationalityParts: nations.words,
    partyNames: partyNames(theatre),
  };
}

/** Parties that are not states (a pack's own codes): their names and aliases are actors of their own. */
function partyEntries(theatre: Theatre): ActorEntry[] {
  const world = worldCountries();
  return theatre.parties
    .filter((p) => !world.byAlpha2.has(p.code))
    .map((p) => ({
      id: `party-${p.code.toLowerCase()}`,
      name: p.name,
      kind: 'organization' as const,
      party: p.code,
      aliases: [p.name, p.code, ...p.aliases],
    }));
}

function partyNames(theatre: Theatre): Map<string, string> {
  const out = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = foldName(name).join(' ');
    if (key !== '' && !out.has(key)) out.set(key, code);
  };
  const world = worldCountries();
  for (const p of theatre.parties) {
    const names = world.byAlpha2.has(p.code) ? [p.name, ...p.aliases] : [p.name, p.code, ...p.aliases];
    names.forEach((n) => add(n, p.code));
  }
  for (const c of world.all) c.names.forEach((n) => add(n, c.alpha2));
  return out;
}

/**
 * The party a word points at: a nationality ("Malian"), a people ("Chadians") or a country or
 * party name ("Chad", or a pack's code).
 *
 * @example partyOfWord(actorIndex(), 'Peruvian') // 'PE'
 */
export function partyOfWord(index: ActorIndex, word: string | undefined): string | undefined {
  if (!word) return undefined;
  const key = foldName(word).join(' ');
  return index.partyWords.get(key) ?? index.partyNames.get(key);
}

/**
 * True when the folded word is, or is part of, a nationality adjective or a people of the world
 * base ("norwegian", "sri" of "Sri Lankan"): a word that describes a name, not a name.
 *
 * @example isNationalityWord(actorIndex(), 'lankan') // true
 */
export function isNationalityWord(index: ActorIndex, norm: string): boolean {
  return index.nationalityParts.has(norm);
}
