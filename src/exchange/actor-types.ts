import { partyOf } from '../theatre/parties.js';
import { activeTheatre } from '../theatre/active.js';
import { worldCountries } from '../world/countries.js';

/** ACLED actor types (`inter1`, `inter2`), in ACLED's code order 1–8. */
export const ACTOR_TYPES = [
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'Rioters',
  'Protesters',
  'Civilians',
  'External/Other forces',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

const BY_WORDS: readonly (readonly [RegExp, ActorType])[] = [
  [/\bcivilians?\b/i, 'Civilians'],
  [/\bprotesters?\b|\bdemonstrators?\b/i, 'Protesters'],
  [/\brioters?\b/i, 'Rioters'],
  [/peacekeep|\bmission\b|\bmonitors?\b|\bUN\b|\bOSCE\b|\bICRC\b/i, 'External/Other forces'],
  [/unidentified armed group|\bmilitia\b/i, 'Political militia'],
];

/**
 * The ACLED actor type of a named actor in an incident's country: civilians, protesters, rioters
 * and missions by their words; a state's forces are State forces at home and External/Other forces
 * abroad (ACLED codes a military active outside its own country as 8). Unknown actors stay blank
 * rather than be guessed.
 *
 * @example actorType('Military Forces of Russia', 'AZ') // 'External/Other forces'
 */
export function actorType(actor: string | null, incidentCountry: string | null): ActorType | '' {
  if (!actor?.trim()) return '';
  const byWords = BY_WORDS.find(([pattern]) => pattern.test(actor));
  if (byWords) return byWords[1];
  const party = partyOf(activeTheatre(), actor);
  const country = party === null ? undefined : worldCountries().byAlpha2.get(party);
  if (!country) return '';
  return incidentCountry && country.alpha2 !== incidentCountry.toUpperCase()
    ? 'External/Other forces'
    : 'State forces';
}

/**
 * ACLED's `interaction`: the two actor types, the lower code first; one actor alone is "X only".
 *
 * @example interaction('External/Other forces', 'State forces') // 'State forces-External/Other forces'
 */
export function interaction(type1: ActorType | '', type2: ActorType | ''): string {
  if (!type1 && !type2) return '';
  if (!type1 || !type2) return `${type1 || type2} only`;
  const [a, b] = [type1, type2].sort((x, y) => ACTOR_TYPES.indexOf(x) - ACTOR_TYPES.indexOf(y));
  return `${a}-${b}`;
}
