import type { EntityMention } from './actors/entities.js';
import { presentPlace, type PlaceMention } from './places.js';
import type { MentionEntry, Mentions, PlaceMentionEntry } from './schema.js';

/**
 * Groups every mention by the thing it names (dictionary id, else its name), first seen first;
 * a place keeps its resolution (coordinates, division, precision, confidence and reason).
 * `adjectives` (from `findAdjectivePlaces`: "Turkish", "European") count as mentions of their
 * place here only.
 *
 * @example buildMentions(entities, places).people[0]?.name // 'Ana Ruiz'
 */
export function buildMentions(
  entities: readonly EntityMention[],
  places: readonly PlaceMention[],
  adjectives: readonly PlaceMention[] = [],
): Mentions {
  const people = new Map<string, MentionEntry>();
  const organizations = new Map<string, MentionEntry>();
  const placeMap = new Map<string, PlaceMentionEntry>();
  for (const e of entities) {
    const target = e.kind === 'person' ? people : organizations;
    // An actor's `country` is its party code (a state's alpha-2, or a pack's own code).
    add(target, { id: e.id, name: e.name, kind: e.kind, country: e.party }, e);
  }
  const all = adjectives.length === 0 ? places : [...places, ...adjectives].sort((a, b) => a.start - b.start);
  for (const p of all) add(placeMap, placeEntry(p), p);
  return {
    people: [...people.values()],
    organizations: [...organizations.values()],
    places: [...placeMap.values()],
  };
}

function placeEntry(p: PlaceMention): Omit<PlaceMentionEntry, 'spans'> {
  const shown = presentPlace(p);
  return {
    id: shown.id,
    name: shown.name,
    kind: shown.kind,
    country: shown.country,
    admin1: p.admin1?.name ?? null,
    lat: shown.lat,
    lon: shown.lon,
    precision: shown.precision,
    confidence: p.confidence,
    reason: p.reason,
  };
}

function add<E extends MentionEntry>(
  map: Map<string, E>,
  what: Omit<E, 'spans'>,
  span: { readonly start: number; readonly end: number },
): void {
  const key = what.id ?? what.name;
  const s = { start: span.start, end: span.end };
  const existing = map.get(key);
  if (existing) existing.spans.push(s);
  else map.set(key, { ...what, spans: [s] } as E);
}
