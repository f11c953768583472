import { z } from 'zod';
import { foldName } from '../extract/text/fold.js';
import { addPhrase, createTrie, type PhraseTrie } from '../extract/text/phrase-trie.js';

export const PlaceKind = z.enum([
  'country',
  'region',
  'district',
  'settlement',
  'corridor',
  'pass',
  'road',
  'checkpoint',
  'observation_post',
  'line_of_contact',
  'border',
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const GazetteerPlace = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  names: z.array(z.string().min(1)).min(1),
  usage: z.record(z.string(), z.array(z.string())).optional(),
  kind: PlaceKind,
  country: z.string().length(2),
  parent: z.string().nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** How precisely the coordinates place a fact; by default it follows from the kind. */
  precision: z.enum(['exact', 'near', 'district', 'region', 'country']).optional(),
});
export type GazetteerPlace = z.infer<typeof GazetteerPlace>;

export const GazetteerFile = z.object({
  places: z.array(GazetteerPlace),
  /** Countries whose GeoNames towns back the curated places up; absent: every curated country. */
  townCountries: z.array(z.string().length(2)).optional(),
});
export type GazetteerFile = z.infer<typeof GazetteerFile>;

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
