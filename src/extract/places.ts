import type { Gazetteer, GazetteerPlace } from '../gazetteer/gazetteer.js';
import type { Place } from './schema.js';
import { matchPhrases } from './text/phrase-trie.js';
import type { Token } from './text/tokens.js';

export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  readonly first: number;
  readonly last: number;
  readonly place: GazetteerPlace;
  /** Written as "near X", "outside X": the fact is close to, not in, the place. */
  readonly isNear: boolean;
}

const LOWERCASE_KINDS = new Set(['line_of_contact', 'border']);
const KIND_RANK: Readonly<Record<string, number>> = {
  settlement: 0,
  corridor: 1,
  pass: 1,
  district: 2,
  region: 3,
};

/**
 * Finds gazetteer places in the text in one pass over its tokens. A name several places share
 * goes to the one in the country the document mentions most, then to the most specific kind.
 *
 * @example findPlaces(text, tokens, gazetteer)[0]?.place.id // 'az-shusha'
 */
export function findPlaces(text: string, tokens: readonly Token[], gazetteer: Gazetteer): PlaceMention[] {
  const raw = matchPhrases(text, tokens, gazetteer.trie, { requireCap: false }).filter((m) => {
    const head = tokens[m.first];
    return head?.isCap === true || m.values.some((p) => LOWERCASE_KINDS.has(p.kind));
  });
  const countries = countCountries(raw.map((m) => m.values));
  return raw.map((m) => ({
    start: m.start,
    end: m.end,
    first: m.first,
    last: m.last,
    place: choose(m.values, countries),
    isNear: /\b(?:near|outside|close to|outskirts of|vicinity of|near to)\s+(?:the\s+)?$/i.test(
      text.slice(Math.max(0, m.start - 24), m.start),
    ),
  }));
}

function countCountries(groups: readonly (readonly GazetteerPlace[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of groups) {
    const only = g.length === 1 ? g[0] : undefined;
    if (only) counts.set(only.country, (counts.get(only.country) ?? 0) + 1);
  }
  return counts;
}

function choose(
  candidates: readonly GazetteerPlace[],
  countries: ReadonlyMap<string, number>,
): GazetteerPlace {
  const sorted = [...candidates].sort(
    (a, b) =>
      (countries.get(b.country) ?? 0) - (countries.get(a.country) ?? 0) ||
      (KIND_RANK[a.kind] ?? 4) - (KIND_RANK[b.kind] ?? 4),
  );
  const best = sorted[0];
  if (!best) throw new Error('a phrase match always carries at least one place');
  return best;
}

/** The token flags of every place mention, for stages that must not read places as people. */
export function placeTokenMask(tokens: readonly Token[], mentions: readonly PlaceMention[]): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.first; i < m.last; i++) mask[i] = 1;
  return mask;
}

/** The contract's place object for a mention. */
export function presentPlace(mention: PlaceMention): Place {
  const p = mention.place;
  return {
    id: p.id,
    name: p.name,
    names: [...p.names],
    kind: p.kind,
    country: p.country === '' ? null : p.country,
    lat: Number.isFinite(p.lat) ? p.lat : null,
    lon: Number.isFinite(p.lon) ? p.lon : null,
    precision: mention.isNear ? 'near' : precisionOf(p.kind),
  };
}

function precisionOf(kind: string): Place['precision'] {
  if (kind === 'country') return 'country';
  if (kind === 'region' || kind === 'line_of_contact' || kind === 'border') return 'region';
  if (kind === 'district') return 'district';
  return 'exact';
}
