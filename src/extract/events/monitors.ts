import type { PartyMention, Window } from './event-context.js';
import { within } from '../text/ranges.js';

/**
 * Phenomenon: attacks on peacekeepers and observers. The words a text uses for a mission's
 * people on the ground (no mission or conflict is named here: the mission itself comes from the
 * theatre's actors).
 */
export const MONITOR_WORDS =
  '(?:peace-?keep(?:ers?|ing (?:troops|forces?|soldiers))|blue helmets|monitors?|observers?|patrols?)';

/** "peacekeepers … were attacked", "observers came under fire", "a mission … was ambushed". */
const TARGET_FIRST = `\\b(?:${MONITOR_WORDS}|mission)\\b[^.]{0,90}?\\b(?:came under (?:[\\w-]+ )?fire|(?:were|was|had been|have been|has been) (?:shot at|shot and (?:wounded|killed|injured)|attacked|assaulted|ambushed|targeted|fired (?:up)?on)|(?:were|was) killed[^.]{0,60}?\\b(?:ambush|attack))\\b`;
/** "an attack against peacekeepers", "attacked a group of UN peacekeepers", "ambushed a patrol". */
const TARGET_AFTER = `\\b(?:(?:attacks?|assaults?|ambush(?:es)?) (?:on|against)|attacked|assaulted|ambushed|fired (?:up)?on|opened fire on)\\s+(?:an? |the )?(?:group of |convoy of )?(?:[\\w.-]+ ){0,3}?${MONITOR_WORDS}\\b`;

/** The trigger pattern of `attack_on_monitors`; bounded. */
export const ATTACK_ON_MONITORS = new RegExp(`${TARGET_FIRST}|${TARGET_AFTER}`, 'gi');

/** A sentence that speaks of a mission's people (a mine that hits "an observer patrol"). */
export const MENTIONS_MONITORS = new RegExp(`\\b${MONITOR_WORDS}\\b`, 'i');

/** Capitalised words right before the monitors' word ("OSCE", "UN", "Irish"). */
const NAME_BEFORE = /((?:\p{Lu}[\p{L}.-]*\s+){1,3})$/u;
const NOT_NAME = /^(?:A|An|The|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)$/;

/**
 * The monitors named in a sentence when the theatre knows no mission, with the capitalised
 * words before them ("UN peacekeepers", "OSCE monitors").
 *
 * @example monitorsNamed('Gunmen fired on UN peacekeepers.') // 'UN peacekeepers'
 */
export function monitorsNamed(sentence: string): string | null {
  const m = MENTIONS_MONITORS.exec(sentence);
  if (!m) return null;
  const lead = NAME_BEFORE.exec(sentence.slice(Math.max(0, m.index - 40), m.index))?.[1] ?? '';
  const words = lead.split(/\s+/).filter((w) => w !== '' && !NOT_NAME.test(w));
  const joint = /\bjoint\s+$/i.test(sentence.slice(Math.max(0, m.index - 6), m.index)) ? 'joint ' : '';
  // "a patrol of Russian and Turkish troops", "the peacekeeper from Burundi": who they are follows.
  const tail = WHOSE.exec(sentence.slice(m.index + m[0].length, m.index + m[0].length + 60))?.[0] ?? '';
  const head = words.length > 0 ? `${words.join(' ')} ${m[0]}` : `${joint}${m[0].toLowerCase()}`;
  return `${head}${tail.trimEnd()}`;
}

const WHOSE = /^\s+(?:of|from)\s+(?:\p{Lu}[\p{L}.-]*\s*(?:and\s+)?){1,4}(?:troops|forces|soldiers|police)?/u;

const isMission = (p: PartyMention) => p.party.startsWith('actor:');

/**
 * The mission hit by an attack on monitors: the mission named in the event's sentence, else the
 * one named last before it in the article, else the first named after it.
 *
 * @example missionTarget(parties, w)?.name // 'UN Interim Force in Ruritania'
 */
export function missionTarget(parties: readonly PartyMention[], w: Window): PartyMention | undefined {
  const missions = parties.filter(isMission);
  const inSentence = missions.find((p) => p.start >= w.start && p.end <= w.end);
  if (inSentence) return inSentence;
  const before = missions.filter((p) => p.end <= w.start).at(-1);
  return before ?? missions.find((p) => p.start >= w.end);
}

/** The parties an attack on monitors can have as its author: no mission. */
export function nonMissionParties(parties: readonly PartyMention[]): PartyMention[] {
  return parties.filter((p) => !isMission(p));
}

/** An attack verb right before a mission's name ("Attackers assault UNIFIL", "fired on the mission"). */
const ATTACK_BEFORE_MISSION =
  /\b(?:attack(?:ed|s|ing)?|assault(?:ed|s|ing)?|ambush(?:ed|es|ing)?|fired (?:up)?on|opened fire on|targeted|shelled)\s+(?:the\s+)?(?:[\p{L}.-]+\s+){0,2}$/iu;

/**
 * Phenomenon: an attack whose target is the mission by its name ("gunmen attacked the UNIFIL
 * convoy"), found from the theatre's missions rather than from the word "peacekeepers".
 *
 * @example missionTriggers(text, parties, sentence)[0]?.kind // 'attack_on_monitors'
 */
export function missionTriggers(
  text: string,
  parties: readonly PartyMention[],
  s: { readonly start: number; readonly end: number },
): { index: number; end: number; kind: 'attack_on_monitors' }[] {
  for (const p of within(parties, s.start, s.end)) {
    if (!isMission(p)) continue;
    const before = text.slice(Math.max(s.start, p.start - 50), p.start);
    const m = ATTACK_BEFORE_MISSION.exec(before);
    if (m) {
      const index = p.start - before.length + m.index - s.start;
      return [{ index, end: p.end - s.start, kind: 'attack_on_monitors' }];
    }
  }
  return [];
}
