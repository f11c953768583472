import type { GazetteerPlace } from '../../gazetteer/gazetteer.js';
import type { PlaceMention } from '../places.js';
import { within } from '../text/ranges.js';
import type { Window } from './event-context.js';

const PREPOSITION = /\b(?:in|at|near|to|into|from|outside|around|on|towards|of|over)\s+(?:the\s+)?$/i;
const COUNTRY_PENALTY = 80;
const PREPOSITION_BONUS = 30;
/**
 * Phenomenon: a country named as a party ("Armenia and Azerbaijan agreed", "Russia's air
 * defences") is who acted, not where: it is the place only when nothing else is named.
 */
const ACTOR_COUNTRY_PENALTY = 400;
const LOCATIVE =
  /\b(?:in|inside|into|across|throughout|near|at|to|over|of)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** "Yemen's port city of Hodeidah": the possessor is the host; the place is what follows. */
const POSSESSIVE_PENALTY = 60;
/**
 * "the Ruritania deal", "the Kivu conflict": a place name used as an adjective before a word of
 * talks, war or peace is what the text is about, not where anything happened.
 */
const ATTRIBUTIVE =
  /^\s+(?:deal|war|conflict|talks|agreement|issue|crisis|ceasefire|truce|peace|settlement|question|dispute|negotiations|leaders?|authorities|forces|army|troops|side)\b/i;
const ATTRIBUTIVE_PENALTY = 80;
/** Phenomenon: a capital standing for its government ("Moscow signed", "Kyiv and Moscow agreed") acts; it is no place. */
const METONYM =
  /^\s+(?:and\s+\p{Lu}[\p{L}-]+\s+)?(?:(?:has|have|had)\s+)?(?:said|says|signed|accused|announced|agreed|claimed|denied|warned|insisted|demanded|rejected|responded|blamed|urged|sent|launched|targeted|vowed|threatened)\b/u;
const METONYM_PENALTY = 300;
/** "fired from positions near X": X is where the fire came from, not where it landed. */
const ORIGIN =
  /\bfrom\s+(?:(?:the\s+)?(?:positions?|direction|territory|side|area)\s+(?:of\s+|near\s+|in\s+)?(?:the\s+)?|near\s+|the\s+)?$/i;
/**
 * Phenomenon: where a body sits or a statement was made ("the defence ministry in X said",
 * "told reporters in X") is not where the event happened; nor is the other side of a border
 * ("near the border with X").
 */
const NOT_WHERE =
  /(?:\b(?:ministry|government|embassy|headquarters|office|officials?|spokes(?:man|woman|person)|council)\s+in\s+|\b(?:told|reporters|press[- ]conference|news conference|briefing|interview|summit|talks)\b[^.\n]{0,25}\b(?:in|at)\s+|\bborders?\s+(?:with|of)\s+)(?:the\s+)?$/i;

/**
 * Phenomenon: a place name inside an organisation's name ("Islamic State West Africa Province",
 * "Organization for Security and Cooperation in Europe") is no place of the event: capitalised
 * words before it and a body's word after it, or a title-case run joined by "in"/"of"/"for".
 */
const BODY_AFTER =
  /^\s+(?:Province|Front|Movement|Army|Forces|Brigades?|Party|Council|Group|Alliance|Command|Organi[sz]ation|Division|Battalion|Regiment)\b/u;
const NAME_BEFORE = /\p{Lu}[\p{L}'’-]*\s+$/u;
const TITLE_RUN_BEFORE = /\p{Lu}[\p{L}-]*\s+(?:and\s+)?\p{Lu}[\p{L}-]*\s+(?:in|of|for)\s+(?:the\s+)?$/u;

function isInBodyName(before: string, after: string): boolean {
  return (NAME_BEFORE.test(before) && BODY_AFTER.test(after)) || TITLE_RUN_BEFORE.test(before);
}

/** After a dateline's city: an optional date, an optional agency in brackets, then a dash or colon. */
const DATELINE_TAIL = /^\s*(?:,[^.\n]{0,25}?)?\s*(?:\([^)\n]{1,30}\))?\s*[-\u2013\u2014:]\s/u;

/**
 * Phenomenon: the dateline ("HARBOURTOWN (Agency) - …", "CAPITAL CITY: …") is where the story
 * was filed, not where the event happened. A dateline city is written in capitals or opens a line.
 */
export function isDateline(text: string, p: { start: number; end: number }): boolean {
  if (!DATELINE_TAIL.test(text.slice(p.end, p.end + 60))) return false;
  const written = text.slice(p.start, p.end);
  const capitals = written === written.toUpperCase() && /\p{Lu}{3}/u.test(written);
  return (
    capitals || /(?:^|\n)[^\S\n]*(?:\S+[^\S\n]+){0,3}$/.test(text.slice(Math.max(0, p.start - 40), p.start))
  );
}

/**
 * The place an event names: the closest to its trigger, preferring places introduced by a
 * preposition ("in", "near") and places more specific than a country; a country written with a
 * compass word ("southern Lebanon") is that part of the country, at region precision.
 *
 * @example pickPlace(text, places, window)?.place.name // 'southern Lebanon'
 */
export function pickPlace(
  text: string,
  places: readonly PlaceMention[],
  w: Window,
): PlaceMention | undefined {
  let best: PlaceMention | undefined;
  let bestScore = Infinity;
  for (const p of within(places, w.start, w.end)) {
    const c = contextOf(text, p);
    if (c.isExcluded) continue;
    const score = scoreOf(c, p, w);
    if (score < bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best ? withCompass(text, best) : undefined;
}

interface PlaceContext {
  readonly isExcluded: boolean;
  /** Penalties and bonuses from the words around the mention, whatever the trigger. */
  readonly bias: number;
}

/** A mention's context is read once per text, however many events consider it. */
const contexts = new WeakMap<PlaceMention, PlaceContext>();

function contextOf(text: string, p: PlaceMention): PlaceContext {
  const cached = contexts.get(p);
  if (cached) return cached;
  const before = text.slice(Math.max(0, p.start - 60), p.start);
  const after = text.slice(p.end, p.end + 40);
  const isExcluded =
    ORIGIN.test(before.slice(-40)) ||
    NOT_WHERE.test(before) ||
    isDateline(text, p) ||
    isInBodyName(before, after);
  const isCountry = p.place.kind === 'country';
  const bias =
    (isCountry ? COUNTRY_PENALTY : 0) +
    (isCountry && !LOCATIVE.test(before.slice(-30)) && !COMPASS.test(before) ? ACTOR_COUNTRY_PENALTY : 0) -
    (PREPOSITION.test(before.slice(-14)) ? PREPOSITION_BONUS : 0) +
    (/^['’]s\b/.test(after) ? POSSESSIVE_PENALTY : 0) +
    (ATTRIBUTIVE.test(after.slice(0, 16)) ? ATTRIBUTIVE_PENALTY : 0) +
    (METONYM.test(after) ? METONYM_PENALTY : 0);
  const context = { isExcluded, bias };
  contexts.set(p, context);
  return context;
}

function scoreOf(c: PlaceContext, p: PlaceMention, w: Window): number {
  const distance = p.start >= w.triggerEnd ? p.start - w.triggerEnd : (w.triggerStart - p.end) * 1.5;
  return distance + c.bias;
}

/** "southern", "north-eastern", "central" right before a country's name. */
const COMPASS =
  /\b((?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)|central)\s+(?:part\s+of\s+)?(?:the\s+)?$/i;

/**
 * Phenomenon: "southern Lebanon", "eastern Ukraine", "central Mali" name a region of the country,
 * not the whole country: region precision, inside the country, named as written.
 */
function withCompass(text: string, p: PlaceMention): PlaceMention {
  if (p.place.kind !== 'country') return p;
  const m = COMPASS.exec(text.slice(Math.max(0, p.start - 30), p.start));
  return m?.[1] ? compassOf(text, p, m[1]) : p;
}

/**
 * The part of a country a compass word names ("north" or "northern" → "northern Mali").
 *
 * @example compassOf(text, maliMention, 'north').place.name // 'northern Mali'
 */
export function compassOf(text: string, p: PlaceMention, word: string): PlaceMention {
  const base = word.toLowerCase().replace('-', '');
  const direction = base === 'central' || base.endsWith('ern') ? base : `${base}ern`;
  const name = `${direction} ${p.place.name}`;
  const written = `${direction} ${text.slice(p.start, p.end)}`;
  const region: GazetteerPlace = {
    id: `compass:${p.place.id}-${direction}`,
    name,
    names: [...new Set([name, written])],
    kind: 'region',
    country: p.place.country,
    parent: p.place.id,
    // The country's point stands in; the precision says it is a region.
    lat: p.place.lat,
    lon: p.place.lon,
  };
  return { ...p, place: region };
}
