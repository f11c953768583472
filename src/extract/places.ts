import type { Gazetteer, GazetteerPlace } from '../gazetteer/gazetteer.js';
import type { Place } from './schema.js';
import { matchPhrases, type PhraseMatch } from './text/phrase-trie.js';
import { isTight, type Token } from './text/tokens.js';

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
  const curated = raw.map((m) => mentionOf(text, m, choose(m.values, countries)));
  const towns = findTowns(text, tokens, gazetteer, curated);
  return towns.length === 0 ? curated : [...curated, ...towns].sort((a, b) => a.start - b.start);
}

function mentionOf(text: string, m: PhraseMatch<GazetteerPlace>, place: GazetteerPlace): PlaceMention {
  return {
    start: m.start,
    end: m.end,
    first: m.first,
    last: m.last,
    place,
    isNear: /\b(?:near|outside|close to|outskirts of|vicinity of|near to)\s+(?:the\s+)?$/i.test(
      text.slice(Math.max(0, m.start - 24), m.start),
    ),
  };
}

/**
 * The fallback layer: GeoNames towns, only where no curated place matched, only written with
 * capitals, and only in a country the document is about (a country it names or a country of the
 * curated places it names) — which is how a name many countries share is disambiguated.
 */
function findTowns(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  curated: readonly PlaceMention[],
): PlaceMention[] {
  if (gazetteer.fallback.children.size === 0 || curated.length === 0) return [];
  const countries = new Set(curated.map((m) => m.place.country));
  const taken = placeTokenMask(tokens, curated);
  const out: PlaceMention[] = [];
  for (const m of matchPhrases(text, tokens, gazetteer.fallback, { requireCap: true })) {
    if (!isFree(taken, m) || !allCapitalised(tokens, m) || inNameRun(text, tokens, m)) continue;
    const place = m.values.find((p) => countries.has(p.country));
    if (place) out.push(mentionOf(text, m, place));
  }
  return out;
}

function isFree(taken: Uint8Array, m: PhraseMatch<GazetteerPlace>): boolean {
  for (let i = m.first; i < m.last; i++) if (taken[i] === 1) return false;
  return true;
}

/**
 * A town name run together with other capitalised words is part of a person's or an
 * organisation's name ("Vladimir Putin", "Anna Politkovskaya"), not the town.
 */
function inNameRun(text: string, tokens: readonly Token[], m: PhraseMatch<GazetteerPlace>): boolean {
  const before = tokens[m.first - 1];
  const head = tokens[m.first];
  const tail = tokens[m.last - 1];
  const after = tokens[m.last];
  const capTight = (a: Token | undefined, b: Token | undefined, cap: Token | undefined) =>
    a !== undefined && b !== undefined && cap?.isCap === true && isTight(text, a, b);
  return capTight(before, head, before) || capTight(tail, after, after);
}

function allCapitalised(tokens: readonly Token[], m: PhraseMatch<GazetteerPlace>): boolean {
  for (let i = m.first; i < m.last; i++) if (tokens[i]?.isCap !== true) return false;
  return true;
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
    precision: mention.isNear ? 'near' : (p.precision ?? precisionOf(p.kind)),
  };
}

function precisionOf(kind: string): Place['precision'] {
  if (kind === 'country') return 'country';
  if (kind === 'region' || kind === 'line_of_contact' || kind === 'border') return 'region';
  if (kind === 'district') return 'district';
  return 'exact';
}
