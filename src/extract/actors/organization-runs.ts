import type { Token } from '../text/tokens.js';
import { partyOfWord, type ActorIndex } from './actor-index.js';
import type { EntityMention } from './entities.js';

/** Head words that make a capitalised run an organisation ("Foreign Ministry", "Monitoring Mission"). */
const ORG_HEADS = new Set(
  'ministry department committee council agency service mission office army police government parliament assembly embassy commission forces guard brigade battalion directorate administration ombudsman command headquarters'.split(
    ' ',
  ),
);
const LEADING = new Set(
  'the a an in on at but and as after before when while during with by for from this that'.split(' '),
);
const MAX_RUN = 7;
const DIRECTIONS = new Set(
  'north south east west centre center northeast northwest southeast southwest'.split(' '),
);

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
  // Phenomenon: a command named with its direction after the head ("Operational Command South").
  const end =
    to - i >= 2 && DIRECTIONS.has(tokens[to - 1]?.norm ?? '') && ORG_HEADS.has(tokens[to - 2]?.norm ?? '')
      ? to - 1
      : to;
  const words = tokens.slice(i, end);
  const last = words[words.length - 1];
  const first = words[0];
  if (!first || !last || words.length > MAX_RUN || !ORG_HEADS.has(last.norm)) return undefined;
  const tail = end < to ? tokens[to - 1] : undefined;
  const possessive = /(\p{Lu}[\p{L}-]+)['’]s\s+$/u.exec(
    text.slice(Math.max(0, first.start - 30), first.start),
  );
  // Phenomenon: a country's name heading its body ("Israel Defence Forces", "Ukraine Border Service").
  const country = possessive
    ? null
    : /(\p{Lu}[\p{L}-]+)\s$/u.exec(text.slice(Math.max(0, first.start - 30), first.start));
  const countryParty = country?.[1] && index.partyNames.get(country[1].toLowerCase());
  const start = possessive
    ? first.start - possessive[0].length
    : countryParty && country
      ? first.start - country[0].length
      : first.start;
  const party =
    words.map((w) => partyOfWord(index, w.norm)).find((c) => c !== undefined) ??
    partyOfWord(index, possessive?.[1]) ??
    (countryParty || null);
  return {
    start,
    end: (tail ?? last).end,
    kind: 'organization',
    id: null,
    name: text.slice(start, (tail ?? last).end),
    party,
    titles: [],
  };
}
