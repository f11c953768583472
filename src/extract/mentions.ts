import type { EntityMention } from './actors/entities.js';
import type { PlaceMention } from './places.js';
import type { MentionEntry, Mentions } from './schema.js';

/**
 * Groups every mention by the thing it names (dictionary id, else its name), first seen first.
 *
 * @example buildMentions(entities, places).people[0]?.name // 'Ana Ruiz'
 */
export function buildMentions(entities: readonly EntityMention[], places: readonly PlaceMention[]): Mentions {
  const people = new Map<string, MentionEntry>();
  const organizations = new Map<string, MentionEntry>();
  const placeMap = new Map<string, MentionEntry>();
  for (const e of entities) {
    const target = e.kind === 'person' ? people : organizations;
    // An actor's `country` is its party code (a state's alpha-2, or a pack's own code).
    add(target, { id: e.id, name: e.name, kind: e.kind, country: e.party }, e);
  }
  for (const p of places) {
    add(placeMap, { id: p.place.id, name: p.place.name, kind: p.place.kind, country: p.place.country }, p);
  }
  return {
    people: [...people.values()],
    organizations: [...organizations.values()],
    places: [...placeMap.values()],
  };
}

function add(
  map: Map<string, MentionEntry>,
  what: Omit<MentionEntry, 'spans'>,
  span: { readonly start: number; readonly end: number },
): void {
  const key = what.id ?? what.name;
  const s = { start: span.start, end: span.end };
  const existing = map.get(key);
  if (existing) existing.spans.push(s);
  else map.set(key, { ...what, spans: [s] });
}
