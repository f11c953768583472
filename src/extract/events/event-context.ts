import { partyName } from '../../theatre/parties.js';
import type { Theatre } from '../../theatre/theatre.js';
import { activeTheatre } from '../../theatre/active.js';
import { actorIndex } from '../actors/actor-index.js';
import type { EntityMention } from '../actors/entities.js';
import type { DateMention } from '../dates.js';
import { isoOf, parseDay } from '../day-math.js';
import type { PlaceMention } from '../places.js';
import type { DateRange, Figure, Count } from '../schema.js';
import { matchPhrases } from '../text/phrase-trie.js';
import type { Token } from '../text/tokens.js';
import { within } from '../text/ranges.js';

export interface Window {
  readonly start: number;
  readonly end: number;
  readonly triggerStart: number;
  readonly triggerEnd: number;
}

const PREPOSITION = /\b(?:in|at|near|to|into|from|outside|around|on|towards|of)\s+(?:the\s+)?$/i;
const COUNTRY_PENALTY = 80;
const PREPOSITION_BONUS = 30;
/**
 * "the Ruritania deal", "the Kivu conflict": a place name used as an adjective before a word of
 * talks, war or peace is what the text is about, not where anything happened.
 */
const ATTRIBUTIVE =
  /^\s+(?:deal|war|conflict|talks|agreement|issue|crisis|ceasefire|truce|peace|settlement|question|dispute|negotiations|leaders?|authorities|forces|army|troops|side)\b/i;
const ATTRIBUTIVE_PENALTY = 80;
/** "fired from positions near X": X is where the fire came from, not where it landed. */
const ORIGIN =
  /\bfrom\s+(?:(?:the\s+)?(?:positions?|direction|territory|side|area)\s+(?:of\s+|near\s+|in\s+)?(?:the\s+)?|near\s+|the\s+)?$/i;

/** After a dateline's city: an optional date, an optional agency in brackets, then a dash or colon. */
const DATELINE_TAIL = /^\s*(?:,[^.\n]{0,25}?)?\s*(?:\([^)\n]{1,30}\))?\s*[-\u2013\u2014:]\s/u;

/**
 * Phenomenon: the dateline ("HARBOURTOWN (Agency) - …", "CAPITAL CITY: …") is where the story
 * was filed, not where the event happened. A dateline city is written in capitals or opens a line.
 */
function isDateline(text: string, p: { start: number; end: number }): boolean {
  if (!DATELINE_TAIL.test(text.slice(p.end, p.end + 60))) return false;
  const written = text.slice(p.start, p.end);
  const capitals = written === written.toUpperCase() && /\p{Lu}{3}/u.test(written);
  return (
    capitals || /(?:^|\n)[^\S\n]*(?:\S+[^\S\n]+){0,3}$/.test(text.slice(Math.max(0, p.start - 40), p.start))
  );
}

/**
 * The place an event names: the closest to its trigger, preferring places introduced by a
 * preposition ("in", "near") and places more specific than a country.
 */
export function pickPlace(
  text: string,
  places: readonly PlaceMention[],
  w: Window,
): PlaceMention | undefined {
  let best: PlaceMention | undefined;
  let bestScore = Infinity;
  for (const p of within(places, w.start, w.end)) {
    if (ORIGIN.test(text.slice(Math.max(0, p.start - 40), p.start)) || isDateline(text, p)) continue;
    const distance = p.start >= w.triggerEnd ? p.start - w.triggerEnd : (w.triggerStart - p.end) * 1.5;
    const hasPreposition = PREPOSITION.test(text.slice(Math.max(0, p.start - 14), p.start));
    const score =
      distance +
      (p.place.kind === 'country' ? COUNTRY_PENALTY : 0) -
      (hasPreposition ? PREPOSITION_BONUS : 0) +
      (ATTRIBUTIVE.test(text.slice(p.end, p.end + 16)) ? ATTRIBUTIVE_PENALTY : 0);
    if (score < bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** The date written closest to the trigger in its sentence, else the publication date. */
export function pickDate(
  text: string,
  dates: readonly DateMention[],
  w: Window,
  published: string | null,
): DateRange | null {
  let best: DateMention | undefined;
  let bestDistance = Infinity;
  for (const d of within(dates, w.start, w.end)) {
    // "since fighting began on 27 September" marks the start of a period, not the event's day.
    if (/\bsince\s+(?:[\p{L}]+\s+){0,3}(?:on|in)?\s*$/iu.test(text.slice(Math.max(0, d.start - 40), d.start)))
      continue;
    const distance = d.start >= w.triggerEnd ? d.start - w.triggerEnd : w.triggerStart - d.end;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  if (best)
    return { start: best.from, end: best.to, precision: best.precision, text: best.text, inferred: false };
  return inferredDate(text.slice(w.start, w.end), published);
}

function inferredDate(sentence: string, published: string | null): DateRange | null {
  const pub = parseDay(published);
  if (pub === null || published === null) return null;
  const hours = /\b(?:hours (?:after|before|earlier)|overnight|last night)\b/i.exec(sentence);
  if (hours)
    return { start: isoOf(pub - 1), end: published, precision: 'days', text: hours[0], inferred: true };
  return { start: published, end: published, precision: 'day', text: '', inferred: true };
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
  // "Peruvian troops and rebel fighters clashed": both sides are named before the trigger.
  if (!after && before?.coordinated === true && first && first.party !== before.party) return [first, before];
  return [before, after];
}

/** The largest killed / injured figures inside the window. */
export function pickCasualties(
  figures: readonly Figure[],
  w: Window,
  kind: 'killed' | 'injured',
): Count | undefined {
  let best: Figure | undefined;
  for (const f of within(figures, w.start, w.end)) {
    if (f.kind !== kind) continue;
    if (!best || f.best > best.best) best = f;
  }
  return best ? { low: best.low, best: best.best, high: best.high, qualifier: best.qualifier } : undefined;
}
