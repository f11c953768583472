import { foldName } from '../text/fold.js';
import { addPhrase, createTrie, type PhraseTrie } from '../text/phrase-trie.js';
import { ACTORS, type ActorEntry } from './actor-data.js';

export interface ActorIndex {
  readonly trie: PhraseTrie<ActorEntry>;
  readonly byId: ReadonlyMap<string, ActorEntry>;
}

let cached: ActorIndex | undefined;

/** The actor dictionary as a word trie, built once. */
export function actorIndex(): ActorIndex {
  if (cached) return cached;
  const trie = createTrie<ActorEntry>();
  const byId = new Map<string, ActorEntry>();
  for (const actor of ACTORS) {
    byId.set(actor.id, actor);
    for (const alias of actor.aliases) addPhrase(trie, foldName(alias), actor);
  }
  cached = { trie, byId };
  return cached;
}
