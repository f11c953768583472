import { invalid } from '../platform/errors.js';
import { isKnownParty, partiesOf, partyOf } from '../theatre/parties.js';
import type { Theatre } from '../theatre/theatre.js';

/**
 * The party codes of the record. An incident names the parties of its own actors and of the
 * actors of every event report it rests on, so a report merged in brings its parties along.
 */

/** The actor names written in a report's payload (an extracted event: `actor1`, `actor2`). */
export function payloadActors(payload: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const record = parsed as Record<string, unknown>;
  return [record.actor1, record.actor2].filter((a): a is string => typeof a === 'string');
}

/**
 * The party codes an incident names, in order, each once.
 *
 * @example incidentPartyCodes(theatre, ['Ugandan forces', null], ['{"actor1":"Kenyan army"}']) // ['UG', 'KE']
 */
export function incidentPartyCodes(
  theatre: Theatre,
  actors: readonly (string | null | undefined)[],
  reportPayloads: readonly string[] = [],
): string[] {
  return partiesOf(theatre, [...actors, ...reportPayloads.flatMap(payloadActors)]);
}

/**
 * A party as a user wrote it (a code in any case, or a name) as the theatre's code, or null when
 * it names no known party.
 *
 * @example partyCodeOf(theatre, 'ke') // 'KE'
 * @example partyCodeOf(theatre, 'Kenya') // 'KE'
 */
export function partyCodeOf(theatre: Theatre, text: string): string | null {
  const trimmed = text.trim().slice(0, 300);
  if (trimmed === '') return null;
  const upper = trimmed.toUpperCase();
  if (isKnownParty(theatre, upper)) return upper;
  return partyOf(theatre, trimmed);
}

/**
 * The party an account is bound to: only a liaison has one, and it must be a known party code of
 * the theatre (any case). A name is refused with the code it stands for, so the code is chosen
 * knowingly.
 *
 * @example liaisonParty(theatre, 'liaison', 'ke') // 'KE'
 * @example liaisonParty(theatre, 'liaison', 'Kenya') // throws: party: must be a party code … ("Kenya" is KE)
 */
export function liaisonParty(theatre: Theatre, role: string, party: string): string {
  if (role !== 'liaison') throw invalid('party', 'only a liaison is bound to a party');
  const code = party.trim().toUpperCase();
  if (isKnownParty(theatre, code)) return code;
  const meant = partyOf(theatre, party);
  throw invalid(
    'party',
    `must be a party code of the theatre or a country's ISO alpha-2 code${meant ? ` ("${party.slice(0, 80)}" is ${meant})` : ''}`,
  );
}
