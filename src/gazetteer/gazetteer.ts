import { foldName } from '../extract/text/fold.js';
import { addPhrase, createTrie, type PhraseTrie } from '../extract/text/phrase-trie.js';

export { PlaceKind, PlacePrecision } from '../vocabulary/places.js';

import type { Place } from '../theatre/schema.js';
import type { TownTable } from './town-index.js';

/**
 * A place of the gazetteer: a theatre pack's place, a world country or first-level division, or
 * a GeoNames town (which also carries its population and GeoNames feature code).
 */
export type GazetteerPlace = Place & { readonly population?: number; readonly feature?: string };

export interface Gazetteer {
  /** Every place by id, the world's towns included (those are looked up, not listed). */
  readonly byId: ReadonlyMap<string, GazetteerPlace>;
  /** Countries, divisions and the packs' places: matched wherever written. */
  readonly trie: PhraseTrie<GazetteerPlace>;
  /** The world's towns, matched under the rules of `findPlaces`. */
  readonly towns: TownTable;
  /** Adjectives of places ("Russian", "European"): mentions of the place they name. */
  readonly adjectives: PhraseTrie<GazetteerPlace>;
}

/**
 * Builds the look-up structures: places by id and a word trie over every curated name, so
 * matching a text is one pass over its tokens whatever the number of names; the towns are a
 * `TownTable` (the world's, or a list's for tests).
 *
 * @example buildGazetteer([kidal]).trie // matches every name of the place: "Kidal", "Kidaal"
 */
export function buildGazetteer(
  places: readonly GazetteerPlace[],
  towns: TownTable | readonly GazetteerPlace[] = [],
  adjectives: readonly (readonly [adjective: string, placeId: string])[] = [],
): Gazetteer {
  const table = 'lookup' in towns ? towns : listTownTable(towns);
  const byId = new PlacesById(table);
  const trie = indexPlaces(places, byId);
  const adjectiveTrie = createTrie<GazetteerPlace>();
  for (const [adjective, id] of adjectives) {
    const place = byId.get(id);
    if (place && /^\p{Lu}\p{Ll}{3,}$/u.test(adjective)) addPhrase(adjectiveTrie, foldName(adjective), place);
  }
  return { byId, trie, towns: table, adjectives: adjectiveTrie };
}

/** Places by id; an id not listed is looked up among the towns. */
class PlacesById extends Map<string, GazetteerPlace> {
  constructor(private readonly towns: TownTable) {
    super();
  }
  override get(id: string): GazetteerPlace | undefined {
    return super.get(id) ?? this.towns.byId(id);
  }
  override has(id: string): boolean {
    return super.has(id) || this.towns.byId(id) !== undefined;
  }
}

/**
 * A town table over a short list of places (tests, small deployments).
 *
 * @example listTownTable([town]).lookup('ijevan')
 */
export function listTownTable(places: readonly GazetteerPlace[]): TownTable {
  const byKey = new Map<string, GazetteerPlace[]>();
  let maxWords = 1;
  for (const p of places) {
    const words = foldName(p.name);
    maxWords = Math.max(maxWords, words.length);
    const key = words.join(' ');
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  for (const list of byKey.values()) list.sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const ids = new Map(places.map((p) => [p.id, p]));
  const every = places
    .map((p) => ({ name: p.name, lat: p.lat, lon: p.lon, population: p.population ?? 0 }))
    .sort((a, b) => b.population - a.population);
  return {
    maxWords,
    size: places.length,
    lookup: (key) => byKey.get(key) ?? [],
    byId: (id) => ids.get(id),
    everyTown: () => every,
  };
}

function indexPlaces(
  places: readonly GazetteerPlace[],
  byId: Map<string, GazetteerPlace>,
): PhraseTrie<GazetteerPlace> {
  const trie = createTrie<GazetteerPlace>();
  for (const place of places) {
    if (!byId.has(place.id)) byId.set(place.id, place);
    for (const name of place.names) addPhrase(trie, foldName(name), place);
  }
  return trie;
}

/** The place and its parents, nearest first; stops on cycles. */
export function ancestorsOf(gazetteer: Gazetteer, id: string): GazetteerPlace[] {
  const out: GazetteerPlace[] = [];
  const seen = new Set<string>();
  let current = gazetteer.byId.get(id);
  while (current && !seen.has(current.id) && out.length < 16) {
    seen.add(current.id);
    out.push(current);
    current = current.parent ? gazetteer.byId.get(current.parent) : undefined;
  }
  return out;
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(gazetteer: Gazetteer, inner: string, outer: string): boolean {
  return ancestorsOf(gazetteer, inner).some((p) => p.id === outer);
}
