import type { PlaceMention } from '../places.js';
import { pickActors, type PartyMention, type Window } from './event-context.js';
import { MENTIONS_MONITORS, missionTarget, monitorsNamed, nonMissionParties } from './monitors.js';
import type { EventKind } from './taxonomy.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';

interface ActorInput {
  readonly text: string;
  readonly parties: readonly PartyMention[];
  readonly gazetteer: Gazetteer;
}

/** Phenomenon: a mine, shell or strike that hits a patrol or observers also targets their mission. */
const MONITOR_TARGET_KINDS: ReadonlySet<EventKind> = new Set([
  'landmine',
  'shelling',
  'air_strike',
  'armed_clash',
]);

const PASSIVE_BY = /^[^.]{0,40}?\bby\b/i;
const PASSIVE =
  /\b(?:was|were|had been|has been|have been)\s+(?:shot down|downed|shelled|attacked|captured|seized)\b/i;

/**
 * actor1 and actor2 of an event: the parties named before and after the trigger (passive voice
 * swaps them), the mission for attacks on monitors, protesters of the place's country.
 *
 * @example actorsFor('shelling', input, window, place) // ['Azerbaijan', 'Armenia']
 */
export function actorsFor(
  kind: EventKind,
  input: ActorInput,
  w: Window,
  place: PlaceMention,
): [string | null, string | null] {
  if (kind === 'protest' || kind === 'riot') {
    return [`Protesters (${countryName(input, place)})`, null];
  }
  if (
    kind === 'attack_on_monitors' ||
    (MONITOR_TARGET_KINDS.has(kind) && MENTIONS_MONITORS.test(input.text.slice(w.start, w.end)))
  )
    return monitorActors(input, w);
  const [before, after] = pickActors(input.parties, w);
  if (!PASSIVE.test(input.text.slice(w.triggerStart, w.triggerEnd))) return [before, after];
  // "A Russian helicopter was shot down by …": the party named first is the target.
  const by = /\bby\s+/i.exec(input.text.slice(w.triggerEnd, w.end));
  const doer = by ? pickActors(input.parties, { ...w, triggerStart: w.triggerEnd + by.index })[1] : null;
  return [doer, before];
}

/**
 * Phenomenon: attacks on peacekeepers and monitors. actor2 is the mission (named in the sentence
 * or elsewhere in the article) or, when the theatre knows none, the monitors as the text calls
 * them; actor1 is the author named near the trigger, never the mission itself.
 */
function monitorActors(input: ActorInput, w: Window): [string | null, string | null] {
  const mission = missionTarget(input.parties, w);
  const [before, after] = pickActors(nonMissionParties(input.parties), w);
  const word = monitorsNamed(input.text.slice(w.start, w.end));
  const target = mission?.name ?? (mission === undefined && word !== null ? word : after);
  if (mission === undefined && word === null) return [before, after];
  // "… was attacked by gunmen": the doer is named after the trigger.
  const doer = before ?? (PASSIVE_BY.test(input.text.slice(w.triggerEnd, w.end)) ? after : null);
  return [doer === target ? null : doer, target];
}

function countryName(input: ActorInput, place: PlaceMention): string {
  return input.gazetteer.byId.get(place.place.country.toLowerCase())?.name ?? place.place.country;
}
