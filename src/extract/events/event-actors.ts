import type { PlaceMention } from '../places.js';
import { pickActorParties, pickActors, type PartyMention, type Window } from './event-context.js';
import { MENTIONS_MONITORS, missionTarget, monitorsNamed, nonMissionParties } from './monitors.js';
import type { EventKind } from './taxonomy.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { kindsWhere } from '../../vocabulary/index.js';
import { describedGroup, describedVictims } from './described-actors.js';

interface ActorInput {
  readonly text: string;
  readonly places: readonly PlaceMention[];
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
    (MONITOR_TARGET_KINDS.has(kind) && mentionsMonitors(input.text.slice(w.start, w.end)))
  )
    return monitorActors(input, w);
  const [before, after] = partyActors(input, w);
  return VIOLENCE.has(kind) ? withDescribed(kind, input, w, [before, after]) : [before, after];
}

function partyActors(input: ActorInput, w: Window): [string | null, string | null] {
  const [before, after] = pickActors(input.parties, w);
  if (!PASSIVE.test(input.text.slice(w.triggerStart, w.triggerEnd))) return [before, after];
  // "A Russian helicopter was shot down by …": the party named first is the target.
  const by = /\bby\s+/i.exec(input.text.slice(w.triggerEnd, w.end));
  const doer = by ? pickActors(input.parties, { ...w, triggerStart: w.triggerEnd + by.index })[1] : null;
  return [doer, before];
}

const VIOLENCE = kindsWhere((k) => k.isViolence);
/** Aircraft and armed forces that carry out strikes from the air. */
const STRIKER = /\b(fighter jets|warplanes|military aircraft|air force|military|drones?)\b/i;

/**
 * Phenomenon: violence whose author or victims no theatre lists: the armed group the sentence
 * describes ("Taliban insurgents", "the group al Shabaab") is actor1 when no party is, or when
 * the party was read from the group's nationality word ("the Somali group …"); the people
 * killed or wounded ("four civilians") are actor2 when no party is. A mine's author is only a
 * group the text names, never the party of its victims.
 */
function withDescribed(
  kind: EventKind,
  input: ActorInput,
  w: Window,
  [before, after]: [string | null, string | null],
): [string | null, string | null] {
  const sentence = input.text.slice(w.start, w.end);
  const subject = input.text.slice(w.start, w.triggerStart);
  const described = describedGroup(subject);
  // "the Cauca group": a place's name before "group" names where the group is, not who it is.
  const named = described !== null && isPlaceName(input, described) ? null : described;
  const isNamed = named !== null && /\p{Lu}/u.test(named);
  let doer = kind === 'landmine' ? describedGroup(sentence) : before;
  if (doer === null || (isNamed && kind !== 'landmine' && modifiesGroup(input, w, named)))
    doer = named ?? doer;
  if (doer === null && kind === 'air_strike') doer = STRIKER.exec(subject)?.[1]?.toLowerCase() ?? null;
  if (doer === null && /\bby\b/i.test(input.text.slice(w.triggerEnd, w.end)))
    doer = describedGroup(input.text.slice(w.triggerEnd, w.end));
  const needsVictims = kind === 'landmine' || after === null;
  const victims = needsVictims
    ? (describedVictims(input.text.slice(w.triggerStart, w.end)) ?? describedVictims(sentence))
    : null;
  const target = needsVictims ? (victims ?? after) : after;
  return [doer, target === doer ? null : target];
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
  const rest = input.text.slice(w.triggerEnd, w.end);
  const byDoer = PASSIVE_BY.test(rest) ? after : null;
  // "… killed during an attack by members of the X group": the group after "by" is the author.
  const by = /\bby\s/i.exec(rest);
  const byGroup = by ? describedGroup(rest.slice(by.index)) : null;
  const doer = byGroup ?? before ?? byDoer ?? describedGroup(rest);
  return [doer === target ? null : doer, target];
}

/** Monitors named in a sentence; "soldiers on patrol" are troops patrolling, not monitors. */
const mentionsMonitors = (sentence: string): boolean =>
  MENTIONS_MONITORS.test(sentence.replace(/\bon patrol\b/gi, ''));

/** "the Somali Islamist group al Shabaab": the party word describes the group, which is the actor. */
function modifiesGroup(input: ActorInput, w: Window, named: string | null): boolean {
  const [party] = pickActorParties(input.parties, w);
  if (!party || named === null) return false;
  const at = input.text.indexOf(named, party.end);
  if (at < 0 || at > w.triggerStart) return false;
  const between = input.text.slice(party.end, at);
  return between.length < 40 && !/\band\b|,|;/.test(between);
}

function isPlaceName(input: ActorInput, name: string): boolean {
  return input.places.some((p) => input.text.slice(p.start, p.end) === name);
}

function countryName(input: ActorInput, place: PlaceMention): string {
  return input.gazetteer.byId.get(place.place.country.toLowerCase())?.name ?? place.place.country;
}
