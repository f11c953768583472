import type { GazetteerPlace } from '../gazetteer/gazetteer.js';
import type { PlaceMention } from './places.js';
import { tokenIndexAt, type Token } from './text/tokens.js';

const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}";
const PATTERNS = [
  new RegExp(`\\b(?:village|town|city|settlement|hamlet|town of|village of)\\s+of\\s+(${NAME})`, 'gu'),
  new RegExp(`\\b(?:villages?|towns?|settlements?)\\s+(?:of\\s+)?(${NAME})`, 'gu'),
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
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[1];
      if (!name || out.length >= MAX_UNLISTED) continue;
      const start = (m.index ?? 0) + m[0].length - name.length;
      if (seen.has(start) || listed.some((p) => p.start <= start && p.end > start)) continue;
      seen.add(start);
      out.push(mentionOf(name, start, tokens, listed));
    }
  }
  return out;
}

function mentionOf(
  name: string,
  start: number,
  tokens: readonly Token[],
  listed: readonly PlaceMention[],
): PlaceMention {
  const end = start + name.length;
  const host = nearestListed(listed, start);
  const place: GazetteerPlace = {
    id: `unlisted-${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`,
    name,
    names: [name],
    kind: 'settlement',
    country: host?.country ?? '',
    parent: host?.id ?? null,
    lat: Number.NaN,
    lon: Number.NaN,
  };
  return {
    start,
    end,
    first: tokenIndexAt(tokens, start),
    last: tokenIndexAt(tokens, end),
    place,
    isNear: false,
    confidence: 0.5,
    reason: host ? `named as a settlement, placed in ${host.name} written nearby` : 'named as a settlement',
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
