import { foldName } from '../extract/text/fold.js';
import type { Gazetteer, GazetteerPlace } from '../gazetteer/gazetteer.js';

const KIND_RANK: Readonly<Record<string, number>> = {
  settlement: 0,
  observation_post: 1,
  checkpoint: 1,
  pass: 2,
  corridor: 2,
  district: 3,
  region: 4,
  country: 5,
};

/**
 * The gazetteer place a typed place name stands for, in any party's spelling (each
 * name a pack lists for it); the most specific one when several share the name; else the most populous
 * town of the world of that name; null when none has it.
 *
 * @example findPlaceByName(defaultGazetteer(), 'Kharkov')?.name // 'Kharkiv'
 */
export function findPlaceByName(gazetteer: Gazetteer, name: string): GazetteerPlace | null {
  const words = foldName(name.slice(0, 200));
  if (words.length === 0) return null;
  let node: Gazetteer['trie'] | undefined = gazetteer.trie;
  for (const word of words) node = node?.children.get(word);
  const ranked = [...(node?.values ?? [])].sort(
    (a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9),
  );
  return ranked[0] ?? gazetteer.towns.lookup(words.join(' '))[0] ?? null;
}
