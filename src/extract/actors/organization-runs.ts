import type { Token } from '../text/tokens.js';
import { partyOfWord, type ActorIndex } from './actor-index.js';
import type { EntityMention } from './entities.js';

/** Head words that make a capitalised run an organisation ("Foreign Ministry", "Monitoring Mission"). */
const ORG_HEADS = new Set(
  'ministry department committee council agency service mission office army police government parliament assembly embassy commission forces guard brigade battalion directorate administration ombudsman'.split(
    ' ',
  ),
);
const LEADING = new Set(
  'the a an in on at but and as after before when while during with by for from this that'.split(' '),
);
const MAX_RUN = 7;

/**
 * An organisation the theatre does not know, from a run of capitalised words that ends in
 * an organisation word; its party comes from a nationality word in the run or a possessive
 * just before it ("Peru's Foreign Ministry").
 *
 * @example organizationInRun(index, text, tokens, 0, 3) // { kind: 'organization', name: "Peru's Foreign Ministry", party: 'PE', … }
 */
export function organizationInRun(
  index: ActorIndex,
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): EntityMention | undefined {
  let i = from;
  while (i < to && LEADING.has(tokens[i]?.norm ?? '')) i++;
  const words = tokens.slice(i, to);
  const last = words[words.length - 1];
  const first = words[0];
  if (!first || !last || words.length > MAX_RUN || !ORG_HEADS.has(last.norm)) return undefined;
  const possessive = /(\p{Lu}[\p{L}-]+)['’]s\s+$/u.exec(
    text.slice(Math.max(0, first.start - 30), first.start),
  );
  const start = possessive ? first.start - possessive[0].length : first.start;
  const party =
    words.map((w) => partyOfWord(index, w.norm)).find((c) => c !== undefined) ??
    partyOfWord(index, possessive?.[1]) ??
    null;
  return {
    start,
    end: last.end,
    kind: 'organization',
    id: null,
    name: text.slice(start, last.end),
    party,
    titles: [],
  };
}
