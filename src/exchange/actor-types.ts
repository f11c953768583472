import { partyOf } from '../theatre/parties.js';
import { activeTheatre } from '../theatre/active.js';
import type { Actor } from '../theatre/schema.js';
import type { Theatre } from '../theatre/theatre.js';
import { worldCountries } from '../world/countries.js';
import type { ActorType } from './actor-type-names.js';
import { acledInteraction } from './acled-interactions.js';

export { ACTOR_TYPES, type ActorType } from './actor-type-names.js';

/**
 * What an actor is before the incident's place is known: a state's own (its forces, government,
 * officials: State forces at home, External/Other forces abroad) or a type whatever the place.
 */
type ActorClass = { readonly state: string } | { readonly type: ActorType };

const MAX_NAME = 300;

/**
 * ACLED's generic actor names (codebook, "Actors"): a category and the country in brackets,
 * "Civilians (Kenya)". The whole name must be of that form; a word inside a name decides nothing
 * ("Civilian JTF" is a militia, not civilians).
 */
const GENERIC_NAMES: readonly (readonly [RegExp, ActorType])[] = [
  [/^Civilians \([^()]{1,100}\)$/, 'Civilians'],
  [/^Protesters \([^()]{1,100}\)$/, 'Protesters'],
  [/^Rioters \([^()]{1,100}\)$/, 'Rioters'],
  [/^Unidentified Armed Group \([^()]{1,100}\)$/, 'Political militia'],
  // "Fulani Ethnic Militia (Nigeria)", "Unidentified Clan Militia (Somalia)": the codebook's form.
  [/^[^()]{0,80}\b(?:Ethnic|Communal|Clan|Tribal|Caste) Militia \([^()]{1,100}\)$/, 'Identity militia'],
];

/**
 * ACLED names an organization by its acronym and full name ("ABC: Alliance for …"); a country's
 * name inside it does not make it that state's forces, so only a pack can type it.
 */
const NAMED_ORGANIZATION = /^[^:]{1,40}: \S/;

const fold = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

const actorIndexes = new WeakMap<Theatre, ReadonlyMap<string, Actor>>();

function packActor(theatre: Theatre, name: string): Actor | undefined {
  let index = actorIndexes.get(theatre);
  if (!index) {
    const byAlias = new Map<string, Actor>();
    for (const actor of theatre.actors)
      for (const alias of [actor.name, ...actor.aliases])
        if (!byAlias.has(fold(alias))) byAlias.set(fold(alias), actor);
    index = byAlias;
    actorIndexes.set(theatre, index);
  }
  return index.get(fold(name));
}

const isState = (code: string) => worldCountries().byAlpha2.has(code);

/**
 * A pack actor's class: the ACLED type the pack gives it, else from its kind and party: a state party's forces, ministries, bodies and
 * officials are the state's; a state party's armed group is a political militia at home (a
 * pro-government militia) and, like a state's forces, External/Other abroad; a non-state party's
 * forces and groups are a rebel group; missions and international organizations are
 * External/Other forces; outlets and unaffiliated people have no type.
 */
function classOfPackActor(actor: Actor): ActorClass | 'armed_group_of_state' | null {
  // A named group's type, when the pack gives it (an identity militia, a protest movement).
  if (actor.acledType) return { type: actor.acledType };
  if (actor.kind === 'outlet') return null;
  if (actor.kind === 'mission') return { type: 'External/Other forces' };
  if (actor.party === null) return actor.kind === 'organization' ? { type: 'External/Other forces' } : null;
  if (!isState(actor.party)) return { type: 'Rebel group' };
  return actor.kind === 'armed_group' ? 'armed_group_of_state' : { state: actor.party };
}

/**
 * The ACLED actor type of a named actor in an incident's country, from the theatre packs, never
 * from words in the name: ACLED's generic names ("Protesters (Armenia)"); a pack actor by its
 * kind and party; else the party the name stands for — a state's forces are State forces in
 * their own country and External/Other forces outside it (codebook, inter code 8), and where the
 * incident has no country neither is known; a non-state party is a rebel group. A bracketed
 * country names where a group acts, not its party. Unknown actors stay blank rather than be
 * guessed.
 *
 * @example actorType('Military Forces of Russia', 'AZ') // 'External/Other forces'
 * @example actorType('Civilian JTF', 'NG') // '' (no pack knows it; not "Civilians")
 */
export function actorType(
  actor: string | null,
  incidentCountry: string | null,
  theatre: Theatre = activeTheatre(),
): ActorType | '' {
  const name = actor?.trim().slice(0, MAX_NAME);
  if (!name) return '';
  const generic = GENERIC_NAMES.find(([pattern]) => pattern.test(name));
  if (generic) return generic[1];
  const listed = packActor(theatre, name);
  const cls = listed ? classOfPackActor(listed) : classOfParty(partyOfName(theatre, name));
  if (cls === null) return '';
  if (cls === 'armed_group_of_state')
    return abroad(listed?.party ?? '', incidentCountry) ?? 'Political militia';
  if ('type' in cls) return cls.type;
  const where = abroad(cls.state, incidentCountry);
  if (where === null) return '';
  return where ?? 'State forces';
}

/**
 * The name without its bracketed qualifiers: in ACLED's names a country in brackets says where a
 * group acts, not whose it is ("Unidentified Gang (Mexico)" is no force of Mexico), and a year
 * range dates a government ("Military Forces of Mexico (2018-)").
 */
const withoutQualifiers = (name: string) => name.replace(/\s*\([^()]{0,100}\)/g, ' ').trim();

/** The party a name not in any pack stands for; none for a named organization. */
const partyOfName = (theatre: Theatre, name: string) =>
  NAMED_ORGANIZATION.test(name) ? null : partyOf(theatre, withoutQualifiers(name));

function classOfParty(code: string | null): ActorClass | null {
  if (code === null) return null;
  return isState(code) ? { state: code } : { type: 'Rebel group' };
}

/** External/Other forces when the state is not the incident's; undefined at home; null unknown. */
function abroad(state: string, incidentCountry: string | null): 'External/Other forces' | undefined | null {
  if (!incidentCountry) return null;
  return state === incidentCountry.toUpperCase() ? undefined : 'External/Other forces';
}

/**
 * True when the actor is a state's (its forces at home or abroad): UCDP's state-based violence.
 *
 * @example isStateActor('Military Forces of Armenia') // true
 */
export function isStateActor(actor: string | null, theatre: Theatre = activeTheatre()): boolean {
  const name = actor?.trim().slice(0, MAX_NAME);
  if (!name || GENERIC_NAMES.some(([pattern]) => pattern.test(name))) return false;
  const listed = packActor(theatre, name);
  const cls = listed ? classOfPackActor(listed) : classOfParty(partyOfName(theatre, name));
  return cls !== null && cls !== 'armed_group_of_state' && 'state' in cls;
}

/**
 * ACLED's `interaction` of an event's actors and their types, exactly as the codebook's Table 3
 * labels it; "X only" only when the event has one actor.
 *
 * @example interaction('External/Other forces', 'State forces', true) // 'State forces-External/Other forces'
 */
export function interaction(type1: ActorType | '', type2: ActorType | '', twoActors: boolean): string {
  if (twoActors) return acledInteraction(type1, type2);
  return acledInteraction(type1 || type2, null);
}
