import type { GazetteerPlace } from '../gazetteer/gazetteer.js';
import type { PlaceMention } from './places.js';
import { tokenIndexAt, type Token } from './text/tokens.js';

const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}";
/** A name of one to three capitalised words that does not run into a possessive ("Narathiwat's"). */
const OWN_NAME = "\\p{Lu}[\\p{L}-]*(?:[ -]\\p{Lu}[\\p{L}-]*){0,2}(?!['’]s)";
/**
 * Phenomenon: a place the text marks as one by the word after its name ("Waeng district", "the
 * Sabon Gari camp", "As-Saga market", "the Odesa sea trade port"): an unlisted place of that kind.
 */
const MARKED = new RegExp(
  `(?<![\\p{L}'’])(${OWN_NAME})\\s+(?:(?:sea|trade|river|main|military|refugee|border)\\s+){0,2}(district|province|camp|market|port|airport|bridge|crossing|river)\\b`,
  'gu',
);
const MARKED_KIND: Readonly<Record<string, GazetteerPlace['kind']>> = {
  district: 'district',
  province: 'region',
};
/** Capitalised words that open sentences or name no place. */
const NOT_A_NAME =
  /^(?:The|A|An|This|That|Its|His|Her|Their|In|On|At|From|Near|Every|Each|Another|Local|Northern|Southern|Eastern|Western|Central|Refugee|Military|Army|Border|Police|One|Two|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const PATTERNS = [
  new RegExp(`\\b(?:village|town|city|settlement|hamlet|port|district)\\s+of\\s+(${NAME})`, 'gu'),
  new RegExp(`\\b(?:villages?|towns?|settlements?|hamlet)\\s+(?:of\\s+)?(${NAME})`, 'gu'),
  new RegExp(`(${NAME})\\s+(?:village|hamlet)\\b`, 'gu'),
];
/**
 * Phenomenon: a name followed by words that say where it lies ("in Sabon Gari, located in Borno
 * State", "at Kafr Nabl, a village in Idlib province"): the text itself calls it a place, and
 * the place it names next is its host (not whichever listed place happens to be nearest). "Located
 * in" only after a locative word (an organisation, too, is "located in" a city); the apposition
 * "a village in" says it alone.
 */
const LOCATED = [
  new RegExp(
    `(?<=\\b(?:in|at|near|from)\\s+)(${OWN_NAME}),?\\s+(?:(?:which\\s+is\\s+|that\\s+is\\s+)?(?:located|situated|lying)|which\\s+lies)\\s+(?:in|within)\\s+`,
    'gu',
  ),
  new RegExp(
    `(?<![\\p{L}'’])(${OWN_NAME}),\\s+an?\\s+(?:small\\s+|remote\\s+)?(?:village|town|settlement|hamlet|community|locality)\\s+(?:in|within)\\s+`,
    'gu',
  ),
];
const NEARBY = 300;
/** A bound on look-ups per document; real articles name a handful. */
const MAX_UNLISTED = 100;

/**
 * Places the gazetteer does not list but the text names as one ("the village of Hin Tagher"):
 * a settlement with no coordinates, placed inside the nearest listed place so events still
 * merge and export by region.
 *
 * @example findUnlistedPlaces(text, tokens, listed)[0]?.place.name // 'Hin Tagher'
 */
export function findUnlistedPlaces(
  text: string,
  tokens: readonly Token[],
  listed: readonly PlaceMention[],
): PlaceMention[] {
  const out: PlaceMention[] = [];
  const seen = new Set<number>();
  const add = (
    name: string,
    start: number,
    kind: GazetteerPlace['kind'],
    written: string,
    host?: GazetteerPlace,
  ) => {
    if (out.length >= MAX_UNLISTED || seen.has(start)) return;
    if (listed.some((p) => p.start <= start && p.end > start)) return;
    const words = name.split(/\s+/);
    if (words.some((w) => NOT_A_NAME.test(w))) return;
    seen.add(start);
    out.push(mentionOf({ name, start, kind, written }, tokens, listed, host));
  };
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[1];
      if (!name) continue;
      add(name, (m.index ?? 0) + m[0].indexOf(name), 'settlement', name);
    }
  }
  for (const m of LOCATED.flatMap((re) => [...text.matchAll(re)])) {
    const words = (m[1] ?? '').split(' ');
    // "In Sabon Gari, located in …": the capitalised word that opens the sentence is no part of it.
    while (words.length > 1 && NOT_A_NAME.test(words[0] as string)) words.shift();
    const name = words.join(' ');
    const start = (m.index ?? 0) + (m[1] ?? '').length - name.length;
    const after = (m.index ?? 0) + m[0].length;
    const host = listed.find((p) => p.start >= after && p.start - after <= 40);
    add(name, start, 'settlement', name, host?.place);
  }
  for (const m of text.matchAll(MARKED)) {
    const [whole, name, marker = ''] = m;
    if (!name) continue;
    add(name, m.index ?? 0, MARKED_KIND[marker] ?? 'settlement', whole);
  }
  return [...out, ...laterMentions(text, tokens, listed, out)].sort((a, b) => a.start - b.start);
}

/**
 * Phenomenon: a place marked once ("the village of X") is the same place where the text names
 * it again bare ("an attack on X").
 */
function laterMentions(
  text: string,
  tokens: readonly Token[],
  listed: readonly PlaceMention[],
  found: readonly PlaceMention[],
): PlaceMention[] {
  const out: PlaceMention[] = [];
  const byName = new Map(found.map((p) => [p.place.name, p] as const));
  for (const [name, first] of byName) {
    const re = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (out.length + found.length >= MAX_UNLISTED) return out;
      if (found.some((p) => p.start === start) || listed.some((p) => p.start <= start && p.end > start))
        continue;
      out.push({
        ...first,
        start,
        end: start + name.length,
        first: tokenIndexAt(tokens, start),
        last: tokenIndexAt(tokens, start + name.length),
      });
    }
  }
  return out;
}

/**
 * A place the gazetteer does not list, placed inside `host` (its country and parent), with no
 * coordinates of its own: one shape for every rule that finds such a place.
 */
export function unlistedPlace(
  name: string,
  kind: GazetteerPlace['kind'],
  host: GazetteerPlace | undefined,
  otherNames: readonly string[] = [],
): GazetteerPlace {
  return {
    id: `unlisted-${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`,
    name,
    names: [...new Set([name, ...otherNames])],
    kind,
    country: host?.country ?? '',
    parent: host?.id ?? null,
    lat: Number.NaN,
    lon: Number.NaN,
  };
}

interface Marked {
  readonly name: string;
  readonly start: number;
  readonly kind: GazetteerPlace['kind'];
  /** The name with the word that marks it ("Waeng district"), kept among its names. */
  readonly written: string;
}

function mentionOf(
  m: Marked,
  tokens: readonly Token[],
  listed: readonly PlaceMention[],
  stated?: GazetteerPlace,
): PlaceMention {
  const { name, start } = m;
  const end = start + name.length;
  const host = stated ?? nearestListed(listed, start);
  const place = unlistedPlace(name, m.kind, host, [m.written]);
  return {
    start,
    end,
    first: tokenIndexAt(tokens, start),
    last: tokenIndexAt(tokens, end),
    place,
    isNear: false,
    confidence: 0.5,
    reason: host ? `named as a ${m.kind}, placed in ${host.name} written nearby` : `named as a ${m.kind}`,
    admin1: null,
  };
}

function nearestListed(listed: readonly PlaceMention[], offset: number): GazetteerPlace | undefined {
  let best: PlaceMention | undefined;
  for (const p of listed) {
    if (Math.abs(p.start - offset) > NEARBY) continue;
    if (!best || Math.abs(p.start - offset) < Math.abs(best.start - offset)) best = p;
  }
  return best?.place;
}
