import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import type { DateMention } from '../dates.js';
import type { PlaceMention } from '../places.js';
import { presentPlace } from '../places.js';
import type { Event, Figure } from '../schema.js';
import type { Sentence } from '../text/sentences.js';
import type { QuotedSpan } from '../quotes/quoted-spans.js';
import { kindsWhere } from '../../vocabulary/index.js';
import { isBackground, isHistorySentence } from './background.js';
import { casualtiesIn, continuesCasualties, killedSide } from './casualties.js';
import { pickActorParties, type PartyMention, type Window } from './event-context.js';
import { pickDate, RANK_EVENT, type PickedDate } from './event-dates.js';
import { within } from '../text/ranges.js';
import { actorsFor } from './event-actors.js';
import { compassOf, isDateline, pickPlace } from './event-places.js';
import { applyDetail, isDetail, isReference } from './anaphora.js';
import { mergeCandidates, type Candidate } from './merge-events.js';
import { findNumbers } from '../numbers.js';
import { acledOf, type EventKind } from './taxonomy.js';
import {
  EARLIER_DEAL,
  FAILED,
  NOT_HAPPENED,
  PEACEKEEPING,
  TRIGGERS,
  keysIn,
  mayMatch,
  type TriggerRule,
} from './triggers.js';
import { missionTriggers } from './monitors.js';
import { isTitleLine, joinBrokenSentences } from './units.js';
import { allMatches } from '../text/matches.js';

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
  /** The country the article names most; filled in by `findEvents`. */
  readonly mainCountry?: PlaceMention | undefined;
}

/** Running totals are not events of the day. */
const CUMULATIVE = /\b(?:since|in total|so far|to date|overall|death toll|toll)\b/i;

/** A bare casualty report counts only where it names a place smaller than a country. */
function hasSpecificPlace(input: EventInput, w: Window): boolean {
  return input.places.some((p) => p.start >= w.start && p.end <= w.end && p.place.kind !== 'country');
}

/** Violence that a casualty sentence can continue. */
const VIOLENCE: ReadonlySet<EventKind> = kindsWhere((k) => k.isViolence);

/** The most-mentioned place more specific than a country. */
function mainPlaceOf(text: string, places: readonly PlaceMention[]): PlaceMention | undefined {
  const counts = new Map<string, { count: number; mention: PlaceMention }>();
  for (const p of places) {
    if (p.place.kind === 'country' || isDateline(text, p)) continue;
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

/** Kinds of place a text may name with common words ("the contact line", "the border"). */
const GENERIC_KINDS = new Set(['line_of_contact', 'border']);

/**
 * Phenomenon: a pack's line of contact or border written in common words ("along the contact
 * line") belongs to its conflict only when the text names that conflict's country.
 */
function plausiblePlaces(text: string, places: readonly PlaceMention[]): readonly PlaceMention[] {
  const countries = new Set(
    places.filter((p) => !GENERIC_KINDS.has(p.place.kind)).map((p) => p.place.country),
  );
  return places.filter((p) => {
    if (!GENERIC_KINDS.has(p.place.kind)) return true;
    const written = text.slice(p.start, p.end);
    return written !== written.toLowerCase() || countries.has(p.place.country);
  });
}

/** The most-mentioned country, for an event whose sentence names no place and tells of another day. */
function mainCountryOf(places: readonly PlaceMention[]): PlaceMention | undefined {
  const counts = new Map<string, { count: number; mention: PlaceMention }>();
  for (const p of places) {
    if (p.place.kind !== 'country') continue;
    const entry = counts.get(p.place.id);
    counts.set(p.place.id, { count: (entry?.count ?? 0) + 1, mention: entry?.mention ?? p });
  }
  let best: { count: number; mention: PlaceMention } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.mention;
}

/** A bound on candidate events per document before merging (merging compares pairs). */
const MAX_CANDIDATES = 2000;

/** Words inside a trigger that make it a plan ("supplies were to be delivered"). */
const PLANNED_INSIDE = /\b(?:to be|will|would|could|should|were to|are to|is to|was to)\b/i;

/**
 * Candidate events: each sentence is matched against the trigger rules; a trigger that is
 * hypothetical, planned or negated is skipped; date, place, actors and casualties come from the
 * sentence (place from the sentence before when it names none, casualties also from the
 * sentence after); a sentence that tells more of the event before ("the attack happened on
 * Tuesday near X", "three others were wounded") adds to it; history is dropped; mentions of
 * one event are merged.
 *
 * @example findEvents(input).map((e) => e.kind) // ['deployment', 'agreement', …]
 */
export function findEvents(events: EventInput): Event[] {
  const places = plausiblePlaces(events.text, events.places);
  const input = {
    ...events,
    places,
    mainPlace: mainPlaceOf(events.text, places),
    mainCountry: mainCountryOf(places),
  };
  const units = joinBrokenSentences(input.text, input.sentences);
  let candidates: Candidate[] = [];
  units.forEach((s, i) => {
    const last = candidates.at(-1);
    const sentence = input.text.slice(s.start, s.end);
    if (last && isDetail(sentence)) {
      candidates[candidates.length - 1] = applyDetail(input, last, s, i);
      return;
    }
    const own = eventsInUnit(input, units, i);
    // Phenomenon: "Three other women were wounded": more casualties of the event just told.
    const continues =
      last !== undefined &&
      last.unit === i - 1 &&
      own.every(isVague) &&
      continuesCasualties(sentence) &&
      !isHistorySentence(sentence, within(input.dates, s.start, s.end));
    if (last && continues) {
      candidates[candidates.length - 1] = { ...withCasualties(input, last, s), unit: i };
      return;
    }
    if (candidates.length < MAX_CANDIDATES) candidates.push(...own);
  });
  const told = new Set(candidates.map((c) => c.origin));
  candidates = candidates.map((c) => withNextCasualties(input, c, units, told));
  const news = candidates.filter((c) => {
    const u = units[c.origin];
    return (
      !u || !isBackground(c, { ...u, text: input.text.slice(u.start, u.end) }, input.dates, input.published)
    );
  });
  return mergeCandidates(news, {
    gazetteer: input.gazetteer,
    mentions: input.places,
    published: input.published,
  });
}

/**
 * The people a release's trigger counts ("freed 39 prisoners", "handed over 13 Israeli and seven
 * foreign hostages": 20); undefined when it gives no number.
 */
function releasedCount(text: string, w: Window): number | undefined {
  const counts = findNumbers(text.slice(w.triggerStart, w.triggerEnd)).filter((n) => !n.isYear);
  return counts.length === 0 ? undefined : counts.reduce((sum, n) => sum + n.best, 0);
}

const isVague = (c: Candidate) => c.kind === 'armed_clash' || c.kind === 'attack';

function eventsInUnit(input: EventInput, units: readonly Sentence[], i: number): Candidate[] {
  const s = units[i];
  if (!s) return [];
  const earlier = units[Math.max(0, i - 2)];
  const previous =
    earlier && earlier.start < s.start ? { start: earlier.start, end: s.start, paragraph: -1 } : undefined;
  const sentence = input.text.slice(s.start, s.end);
  const context = previous ? input.text.slice(previous.start, s.end) : sentence;
  const kinds = new Set<EventKind>();
  const out: Candidate[] = [];
  const spans: { index: number; end: number; kind: EventKind }[] = [
    ...missionTriggers(input.text, input.parties, s),
  ];

  for (const t of spans) {
    const c = candidateAt(input, { kind: t.kind, unit: i, s, trigger: t, previous });
    if (c) {
      kinds.add(t.kind);
      out.push(c);
    }
  }
  const keys = keysIn(sentence.toLowerCase());
  for (const rule of TRIGGERS) {
    if (kinds.has(rule.kind) || !mayMatch(rule, keys)) continue;
    if ((rule.requires && !rule.requires.test(sentence)) || rule.unless?.test(sentence)) continue;
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
    if (rule.isFallback === true && !hasSpecificPlace(input, w)) continue;
    const c = candidateAt(input, {
      kind,
      unit: i,
      s,
      trigger,
      previous: rule.needsOwnPlace === true ? undefined : previous,
      isFallback: rule.isFallback === true,
    });
    if (!c) continue;
    kinds.add(kind);
    spans.push({ ...trigger, kind });
    out.push(c);
  }
  return out;
}

interface At {
  readonly kind: EventKind;
  readonly unit: number;
  readonly s: Sentence;
  /** Offsets of the trigger inside the sentence. */
  readonly trigger: { readonly index: number; readonly end: number };
  readonly previous: Sentence | undefined;
  readonly isFallback?: boolean;
}

function candidateAt(input: EventInput, at: At): Candidate | undefined {
  const { s, trigger } = at;
  const w: Window = {
    start: s.start,
    end: s.end,
    triggerStart: s.start + trigger.index,
    triggerEnd: s.start + trigger.end,
  };
  const picked = pickDate(input.text, input.dates, w, input.published);
  const place =
    pickPlace(input.text, input.places, w) ??
    (at.kind === 'agreement' ? partiesCountry(input, w) : undefined) ??
    borrowedPlace(input, at, picked);
  if (!place) return undefined;
  const [actor1, actor2] = actorsFor(at.kind, input, w, place);
  const casualties = casualtiesIn(input.text, input.figures, w.start, w.end);
  const event: Event = {
    kind: at.kind,
    acled: acledOf(at.kind),
    date: picked.date,
    place: presentPlace(place),
    actor1,
    actor2,
    ...casualties,
    evidence: [{ start: w.start, end: w.end }],
  };
  return {
    kind: at.kind,
    event,
    rank: picked.rank,
    unit: at.unit,
    origin: at.unit,
    mention: place,
    isTitle: isTitleLine(input.text, s),
    killedSide: killedSide(input.text, input.figures, w.start, w.end),
    released: at.kind === 'prisoner_exchange' ? releasedCount(input.text, w) : undefined,
    isReference: isReference(
      input.text.slice(Math.max(s.start, w.triggerStart - 40), w.triggerStart),
      input.text.slice(w.triggerStart, w.triggerEnd),
    ),
  };
}

/**
 * The place of an event whose sentence names none: the sentences before, else the article's
 * main place. Phenomenon: a sentence that tells of another day ("two days after five soldiers
 * were killed") does not borrow the place of the story before it; it gets the main country.
 */
function borrowedPlace(input: EventInput, at: At, picked: PickedDate): PlaceMention | undefined {
  if (at.isFallback === true) return undefined;
  const previous = at.previous;
  const sentence = input.text.slice(at.s.start, at.s.end);
  const compass = IN_THE_COMPASS.exec(sentence);
  if (compass?.[1] && input.mainCountry) return compassOf(input.text, input.mainCountry, compass[1]);
  if (previous && picked.rank === RANK_EVENT && picked.date && toldOfOtherDay(input, previous, picked.date))
    return BACK_REFERENCE.test(picked.date.text) ? input.mainCountry : (input.mainPlace ?? input.mainCountry);
  const before = previous
    ? pickPlace(input.text, input.places, {
        start: previous.start,
        end: previous.end,
        triggerStart: previous.end,
        triggerEnd: previous.end,
      })
    : undefined;
  return before ?? input.mainPlace;
}

/**
 * Phenomenon: an agreement that names no place ("the two commissions reached an agreement") is
 * placed in the country of the party that made it, not in the city of the sentence before.
 */
function partiesCountry(input: EventInput, w: Window): PlaceMention | undefined {
  const [first] = pickActorParties(input.parties, w).filter((p) => p !== undefined);
  const country = first ? input.gazetteer.byId.get(first.party.toLowerCase()) : undefined;
  if (!first || country?.kind !== 'country') return undefined;
  return {
    start: first.start,
    end: first.end,
    first: 0,
    last: 0,
    place: country,
    isNear: false,
    confidence: 0.5,
    reason: 'the country of the party named',
    admin1: null,
  };
}

/** "two days after five soldiers were killed": a date that points back at another event. */
const BACK_REFERENCE = /\b(?:days?|weeks?)\s+(?:after|earlier)\b/i;
/** Phenomenon: "hit a mine in the north" names a part of the article's country. */
const IN_THE_COMPASS =
  /\bin the ((?:north|south|east|west)(?:-?(?:east|west))?)(?: of the country)?\b(?!\s+of\s+\p{Lu})/iu;

function toldOfOtherDay(input: EventInput, previous: Sentence, date: NonNullable<Event['date']>): boolean {
  const earlier = within(input.dates, previous.start, previous.end).filter((d) => d.role === 'event');
  return earlier.length > 0 && earlier.every((d) => d.to < date.start || d.from > date.end);
}

function firstReal(rule: TriggerRule, sentence: string): { index: number; end: number } | undefined {
  for (const m of allMatches(rule.re, sentence)) {
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 80);
    if (rule.kind === 'agreement' && EARLIER_DEAL.test(before)) continue;
    if (NOT_HAPPENED.test(before) || PLANNED_INSIDE.test(m[0]) || PLANNED_AFTER.test(after)) continue;
    if (isInName(sentence, m.index) || (rule.kind === 'deployment' && ATTRIBUTIVE_PARTICIPLE.test(before)))
      continue;
    return { index: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** Phenomenon: "Disengagement of forces … will take place over three days": a plan, not an event. */
const PLANNED_AFTER =
  /^\s*(?:[\p{L}-]+\s+){0,6}?(?:will|would|is to|are to|is expected to|are expected to|is set to|is due to|is scheduled to|are scheduled to)\b/u;
/** "the forces deployed along the line": a participle describing troops, not their deployment. */
const ATTRIBUTIVE_PARTICIPLE = /\b(?:the|those|these|its|their)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * Phenomenon: a trigger word inside a proper name ("the 1974 Disengagement of Forces Agreement")
 * names a document, not an event: a capitalised match in the middle of a sentence.
 */
function isInName(sentence: string, index: number): boolean {
  return (
    index > 0 && /\p{Lu}/u.test(sentence.charAt(index)) && /[\p{L}\d,]\s+$/u.test(sentence.slice(0, index))
  );
}

function withCasualties(input: EventInput, c: Candidate, s: Sentence): Candidate {
  const more = casualtiesIn(input.text, input.figures, s.start, s.end);
  const event: Event = {
    ...c.event,
    ...(c.event.killed || !more.killed ? {} : { killed: more.killed }),
    ...(c.event.injured || !more.injured ? {} : { injured: more.injured }),
    evidence: [...c.event.evidence, { start: s.start, end: s.end }],
  };
  return { ...c, event };
}

/** Phenomenon: casualties in the sentence after the event's ("… shelled the town. Two people were killed."). */
function withNextCasualties(
  input: EventInput,
  c: Candidate,
  units: readonly Sentence[],
  told: ReadonlySet<number>,
): Candidate {
  if ((c.event.killed && c.event.injured) || !VIOLENCE.has(c.kind)) return c;
  const next = units[c.unit + 1];
  if (!next || told.has(c.unit + 1)) return c;
  if (isHistorySentence(input.text.slice(next.start, next.end), within(input.dates, next.start, next.end)))
    return c;
  const more = casualtiesIn(input.text, input.figures, next.start, next.end);
  if (!more.killed && !more.injured) return c;
  return withCasualties(input, c, next);
}
