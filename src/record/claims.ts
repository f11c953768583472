import { ancestorsOf, type Gazetteer } from '../gazetteer/gazetteer.js';
import type { Event } from '../extract/schema.js';
import { partiesOf } from '../theatre/parties.js';
import type { Theatre } from '../theatre/theatre.js';
import type { Claim, ClaimPlace } from './merge-features.js';
import { incidentKindOf, placePrecisionOf, type PlacePrecision } from '../vocabulary/index.js';

/** The kind as the taxonomy knows it; anything else is `other`. */
export const toIncidentKind = incidentKindOf;

export type GeoPrecision = PlacePrecision;
export const toGeoPrecision = placePrecisionOf;

/** A place as the merge sees it: its gazetteer id, point, precision and the ids that contain it. */
export function claimPlace(
  gazetteer: Gazetteer,
  place: {
    id: string | null;
    /** The name the text gave it; else the gazetteer's. */
    name?: string | null;
    lat: number | null;
    lon: number | null;
    precision: string | null;
    country?: string | null;
    within?: string | undefined;
  } | null,
): ClaimPlace | null {
  if (!place || (place.id === null && place.lat === null)) return null;
  const listed = place.id ? ancestorsOf(gazetteer, place.id).slice(1) : [];
  // A place the gazetteer does not list lies where the text put it: in its host and above.
  const hosted = listed.length === 0 && place.within ? ancestorsOf(gazetteer, place.within) : listed;
  const known = hosted.map((p) => p.id);
  const knownNames = hosted.map((p) => p.name);
  // A place the gazetteer does not list still lies in the country extraction gave it (countries
  // are ids by their lower-case code), so a village and its country stay compatible.
  const country = place.country?.toLowerCase() ?? null;
  const addCountry = country !== null && country !== place.id && !known.includes(country);
  const ancestors = addCountry ? [...known, country] : known;
  const ancestorNames = addCountry
    ? [...knownNames, gazetteer.byId.get(country)?.name ?? country]
    : knownNames;
  return {
    id: place.id,
    name: (place.id ? gazetteer.byId.get(place.id)?.name : undefined) ?? place.name ?? null,
    ancestorNames,
    lat: place.lat,
    lon: place.lon,
    precision: toGeoPrecision(place.precision),
    ancestors,
  };
}

/** What dates an article: its publication day if known, and the day it was captured. */
export interface ArticleDating {
  readonly published: string | null;
  readonly captured: string;
  /** The source the event was read from: events of one article are never merged with each other. */
  readonly sourceId?: number;
}

/**
 * The claim an extracted event makes. An event the text does not date is dated by the article's
 * publication (it happened on or before it: basis `published`), or, with no publication date
 * either, by the capture day, which says nothing of the event (basis `unknown`). Its parties are
 * the theatre's codes for the actor names.
 *
 * @example claimOfEvent(gazetteer, event, { published: '2020-11-10', captured: '2026-01-01' }, theatre).parties // ['AZ', 'AM']
 */
export function claimOfEvent(
  gazetteer: Gazetteer,
  event: Event,
  dating: ArticleDating,
  theatre: Theatre,
): Claim {
  const fallbackDay = (dating.published ?? dating.captured).slice(0, 10);
  const dateBasis = event.date ? 'event' : dating.published ? 'published' : 'unknown';
  const killed = event.killed
    ? { low: event.killed.low ?? event.killed.best, high: event.killed.high ?? event.killed.best }
    : null;
  return {
    kind: toIncidentKind(event.kind),
    dateStart: event.date?.start.slice(0, 10) ?? fallbackDay,
    dateEnd: event.date?.end.slice(0, 10) ?? fallbackDay,
    dateBasis,
    place: claimPlace(gazetteer, event.place),
    parties: partiesOf(theatre, [event.actor1, event.actor2]),
    killed,
    sources: dating.sourceId === undefined ? [] : [dating.sourceId],
  };
}
