import { foldName } from '../extract/text/fold.js';
import { addPhrase, createTrie, type PhraseTrie } from '../extract/text/phrase-trie.js';

export { PlaceKind, PlacePrecision } from '../vocabulary/places.js';

/** A place of the gazetteer: a theatre pack's place, a world country, or a GeoNames town. */
export { Place as GazetteerPlace } from '../theatre/schema.js';
import type { Place as GazetteerPlace } from '../theatre/schema.js';

export interface Gazetteer {
  readonly byId: ReadonlyMap<string, GazetteerPlace>;
  readonly trie: PhraseTrie<GazetteerPlace>;
  /** GeoNames towns, matched only where no curated place does (see `findPlaces`). */
  readonly fallback: PhraseTrie<GazetteerPlace>;
}

/**
 * Builds the look-up structures: places by id and word tries over every name (the curated places
 * and, apart, the fallback towns), so matching a text is one pass over its tokens whatever the
 * number of names.
 *
 * @example buildGazetteer([shusha]).trie // matches "Shusha", "Shushi", "Susha"
 */
export function buildGazetteer(
  places: readonly GazetteerPlace[],
  fallbackPlaces: readonly GazetteerPlace[] = [],
): Gazetteer {
  const byId = new Map<string, GazetteerPlace>();
  const trie = indexPlaces(places, byId);
  const fallback = indexPlaces(fallbackPlaces, byId);
  return { byId, trie, fallback };
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
