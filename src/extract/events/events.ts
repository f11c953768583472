import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import type { DateMention } from '../dates.js';
import { parseDay } from '../day-math.js';
import type { PlaceMention } from '../places.js';
import { presentPlace } from '../places.js';
import type { Event, Figure } from '../schema.js';
import type { Sentence } from '../text/sentences.js';
import type { QuotedSpan } from '../quotes/quoted-spans.js';
import {
  pickActors,
  pickCasualties,
  pickDate,
  pickPlace,
  type PartyMention,
  type Window,
} from './event-context.js';
import { mergeEvents } from './merge-events.js';
import { MENTIONS_MONITORS, missionTarget, monitorsNamed, nonMissionParties } from './monitors.js';
import { kindsWhere } from '../../vocabulary/index.js';
import { acledOf, type EventKind } from './taxonomy.js';
import { EARLIER_DEAL, FAILED, NOT_HAPPENED, PEACEKEEPING, TRIGGERS, type TriggerRule } from './triggers.js';

export interface EventInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly places: readonly PlaceMention[];
  readonly dates: readonly DateMention[];
  readonly figures: readonly Figure[];
  readonly parties: readonly PartyMention[];
  readonly quotes: readonly QuotedSpan[];
  readonly published: string | null;
  readonly gazetteer: Gazetteer;
  /** The place the article is mostly about; filled in by `findEvents`. */
  readonly mainPlace?: PlaceMention | undefined;
}

/** Running totals are not events of the day. */
const CUMULATIVE = /\b(?:since|in total|so far|to date|overall|death toll|toll)\b/i;

/** A bare casualty report counts only where it names a place smaller than a country. */
function hasSpecificPlace(input: EventInput, w: Window): boolean {
  return input.places.some((p) => p.start >= w.start && p.end <= w.end && p.place.kind !== 'country');
}

/** Violence reported without a place near it happened where the article is set. */
const FALLBACK_KINDS: ReadonlySet<EventKind> = kindsWhere((k) => k.isViolence);

/** The most-mentioned place more specific than a country. */
function mainPlaceOf(places: readonly PlaceMention[]): PlaceMention | undefined {
  const counts = new Map<string, { count: number; mention: PlaceMention }>();
  for (const p of places) {
    if (p.place.kind === 'country') continue;
    const entry = counts.get(p.place.id);
    counts.set(p.place.id, {
      count: (entry?.count ?? 0) + 1,
      mention: entry?.mention ?? { ...p, isNear: false },
    });
  }
  let best: { count: number; mention: PlaceMention } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.mention;
}

/** One pass that rules out most sentences before the rules run one by one. */
const ANY_TRIGGER = new RegExp(TRIGGERS.map((r) => `(?:${r.re.source})`).join('|'), 'i');

/** Background history older than this many days before publication is not an event of the article. */
const BACKGROUND_DAYS = 30;

/**
 * Candidate events: each sentence is matched against the trigger rules; a trigger that is
 * hypothetical, planned or negated is skipped; date, place, actors and casualties come from the
 * sentence (place from the sentence before when it names none); history is dropped; mentions
 * of one event are merged.
 *
 * @example findEvents(input).map((e) => e.kind) // ['deployment', 'agreement', …]
 */
export function findEvents(events: EventInput): Event[] {
  const input = { ...events, mainPlace: mainPlaceOf(events.places) };
  const raw: Event[] = [];
  input.sentences.forEach((s, i) => {
    const earlier = input.sentences[Math.max(0, i - 2)];
    const context =
      earlier && earlier.start < s.start ? { start: earlier.start, end: s.start, paragraph: -1 } : undefined;
    raw.push(...eventsInSentence(input, s, context));
  });
  return mergeEvents(
    raw.filter((e) => !isBackground(e, input.published)),
    input.gazetteer,
  );
}

function eventsInSentence(input: EventInput, s: Sentence, previous: Sentence | undefined): Event[] {
  const sentence = input.text.slice(s.start, s.end);
  const context = previous ? input.text.slice(previous.start, s.end) : sentence;
  const kinds = new Set<EventKind>();
  const out: Event[] = [];
  const spans: { index: number; end: number }[] = [];
  if (!ANY_TRIGGER.test(sentence)) return out;
  for (const rule of TRIGGERS) {
    if (kinds.has(rule.kind) || (rule.requires && !rule.requires.test(sentence))) continue;
    if (rule.isFallback === true && (out.length > 0 || CUMULATIVE.test(sentence))) continue;
    const trigger = firstReal(rule, sentence);
    // Phenomenon: one phrase, one event ("came under fire" is the attack on monitors, not also shelling).
    if (!trigger || spans.some((t) => trigger.index < t.end && t.index < trigger.end)) continue;
    const kind = rule.kind === 'territory_change' && PEACEKEEPING.test(context) ? 'deployment' : rule.kind;
    if (kinds.has(kind) || (kind === 'agreement' && FAILED.test(sentence))) continue;
    if (kind === 'protest' && kinds.has('riot')) continue;
    const w: Window = {
      start: s.start,
      end: s.end,
      triggerStart: s.start + trigger.index,
      triggerEnd: s.start + trigger.end,
    };
    const event =
      rule.isFallback === true && !hasSpecificPlace(input, w)
        ? undefined
        : buildEvent(input, kind, w, rule.needsOwnPlace === true ? undefined : previous);
    if (!event) continue;
    kinds.add(kind);
    spans.push(trigger);
    out.push(event);
  }
  return out;
}

function firstReal(rule: TriggerRule, sentence: string): { index: number; end: number } | undefined {
  rule.re.lastIndex = 0;
  for (const m of sentence.matchAll(rule.re)) {
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    if (rule.kind === 'agreement' && EARLIER_DEAL.test(before)) continue;
    if (!NOT_HAPPENED.test(before)) return { index: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

function buildEvent(
  input: EventInput,
  kind: EventKind,
  w: Window,
  previous: Sentence | undefined,
): Event | undefined {
  const own = pickPlace(input.text, input.places, w);
  const place =
    own ??
    (previous
      ? pickPlace(input.text, input.places, { ...w, start: previous.start, end: previous.end })
      : undefined);
  const fallback = previous && FALLBACK_KINDS.has(kind) ? input.mainPlace : undefined;
  return place ? assemble(input, kind, w, place) : fallback ? assemble(input, kind, w, fallback) : undefined;
}

function assemble(input: EventInput, kind: EventKind, w: Window, place: PlaceMention): Event {
  const [actor1, actor2] = actorsFor(kind, input, w, place);
  const killed = pickCasualties(input.figures, w, 'killed');
  const injured = pickCasualties(input.figures, w, 'injured');
  return {
    kind,
    acled: acledOf(kind),
    date: pickDate(input.text, input.dates, w, input.published),
    place: presentPlace(place),
    actor1,
    actor2,
    ...(killed ? { killed } : {}),
    ...(injured ? { injured } : {}),
    evidence: [{ start: w.start, end: w.end }],
  };
}

function actorsFor(
  kind: EventKind,
  input: EventInput,
  w: Window,
  place: PlaceMention,
): [string | null, string | null] {
  if (kind === 'protest' || kind === 'riot') {
    return [`Protesters (${countryName(input, place)})`, null];
  }
  if (
    kind === 'attack_on_monitors' ||
    (MONITOR_TARGET_KINDS.has(kind) && MENTIONS_MONITORS.test(sentenceOf(input, w)))
  )
    return monitorActors(input, w);
  const [before, after] = pickActors(input.parties, w);
  if (!PASSIVE.test(input.text.slice(w.triggerStart, w.triggerEnd))) return [before, after];
  // "A Russian helicopter was shot down by …": the party named first is the target.
  const by = /\bby\s+/i.exec(input.text.slice(w.triggerEnd, w.end));
  const doer = by ? pickActors(input.parties, { ...w, triggerStart: w.triggerEnd + by.index })[1] : null;
  return [doer, before];
}

/** Phenomenon: a mine, shell or strike that hits a patrol or observers also targets their mission. */
const MONITOR_TARGET_KINDS: ReadonlySet<EventKind> = new Set([
  'landmine',
  'shelling',
  'air_strike',
  'armed_clash',
]);

const sentenceOf = (input: EventInput, w: Window) => input.text.slice(w.start, w.end);

/**
 * Phenomenon: attacks on peacekeepers and monitors. actor2 is the mission (named in the sentence
 * or elsewhere in the article) or, when the theatre knows none, the monitors as the text calls
 * them; actor1 is the author named near the trigger, never the mission itself.
 */
function monitorActors(input: EventInput, w: Window): [string | null, string | null] {
  const mission = missionTarget(input.parties, w);
  const [before, after] = pickActors(nonMissionParties(input.parties), w);
  const word = monitorsNamed(sentenceOf(input, w));
  const target = mission?.name ?? (mission === undefined && word !== null ? word : after);
  if (mission === undefined && word === null) return [before, after];
  // "… was attacked by gunmen": the doer is named after the trigger.
  const doer = before ?? (PASSIVE_BY.test(input.text.slice(w.triggerEnd, w.end)) ? after : null);
  return [doer === target ? null : doer, target];
}

const PASSIVE_BY = /^[^.]{0,40}?\bby\b/i;

const PASSIVE =
  /\b(?:was|were|had been|has been|have been)\s+(?:shot down|downed|shelled|attacked|captured|seized)\b/i;

function countryName(input: EventInput, place: PlaceMention): string {
  return input.gazetteer.byId.get(place.place.country.toLowerCase())?.name ?? place.place.country;
}

function isBackground(e: Event, published: string | null): boolean {
  const pub = parseDay(published);
  const end = parseDay(e.date?.end);
  const start = parseDay(e.date?.start);
  // Older than a month is history; after tomorrow is a plan or a deadline, not something that happened.
  return pub !== null && end !== null && start !== null && (end < pub - BACKGROUND_DAYS || start > pub + 1);
}
