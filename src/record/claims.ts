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
  place: { id: string | null; lat: number | null; lon: number | null; precision: string | null } | null,
): ClaimPlace | null {
  if (!place || (place.id === null && place.lat === null)) return null;
  const ancestors = place.id
    ? ancestorsOf(gazetteer, place.id)
        .slice(1)
        .map((p) => p.id)
    : [];
  return {
    id: place.id,
    lat: place.lat,
    lon: place.lon,
    precision: toGeoPrecision(place.precision),
    ancestors,
  };
}

/**
 * The claim an extracted event makes; `fallbackDay` stands in when the event has no date. Its
 * parties are the theatre's codes for the actor names.
 *
 * @example claimOfEvent(gazetteer, event, '2020-11-10', theatre).parties // ['AZ', 'AM']
 */
export function claimOfEvent(
  gazetteer: Gazetteer,
  event: Event,
  fallbackDay: string,
  theatre: Theatre,
): Claim {
  const killed = event.killed
    ? { low: event.killed.low ?? event.killed.best, high: event.killed.high ?? event.killed.best }
    : null;
  return {
    kind: toIncidentKind(event.kind),
    dateStart: event.date?.start.slice(0, 10) ?? fallbackDay,
    dateEnd: event.date?.end.slice(0, 10) ?? fallbackDay,
    place: claimPlace(gazetteer, event.place),
    parties: partiesOf(theatre, [event.actor1, event.actor2]),
    killed,
  };
}
