import { partyOfWord, type ActorIndex } from '../actors/actor-index.js';
import type { PlaceMention } from '../places.js';
import type { Candidate } from './candidates.js';
import { isInsideQuote, type QuotedSpan } from './quoted-spans.js';

const BODY =
  '(?:defen[cs]e|foreign|interior|emergencies|emergency|health|justice) ministry|military|army|armed forces|government|' +
  'presidency|foreign office|(?:national |state )?security service|general staff|(?:state )?border (?:guards?|service|police)|' +
  'navy|air force|national guard|coast guard|intelligence service|police|emergency service';
const POSSESSIVE_BODY = new RegExp(`\\b(\\p{Lu}\\p{L}+)['’]s\\s+(${BODY})\\b`, 'gu');
const DEMONYM_BODY = new RegExp(`\\b(\\p{Lu}\\p{L}+)\\s+(${BODY})\\b`, 'gu');

/**
 * Speakers written in lower case after a country ("Peru's defence ministry", "the Chadian
 * military") and countries speaking for their government ("Peru said").
 *
 * @example bodyCandidates(actorIndex(), "Peru's defence ministry said", [], [])[0]?.name // "Peru's defence ministry"
 */
export function bodyCandidates(
  index: ActorIndex,
  text: string,
  places: readonly PlaceMention[],
  spans: readonly QuotedSpan[],
): Candidate[] {
  const out: Candidate[] = [];
  const starts = new Set<number>();
  for (const re of [POSSESSIVE_BODY, DEMONYM_BODY]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (!partyOfWord(index, m[1]) || isInsideQuote(spans, start)) continue;
      if (starts.has(start)) continue;
      starts.add(start);
      out.push({ start, end: start + m[0].length, kind: 'organization', name: m[0], id: null });
    }
  }
  for (const p of places) {
    if (isInsideQuote(spans, p.start) || starts.has(p.start)) continue;
    if (p.place.kind === 'country')
      out.push({ start: p.start, end: p.end, kind: 'state', name: p.place.name, id: `state-${p.place.id}` });
    else {
      const state = capitalState(index, p);
      if (state) out.push({ start: p.start, end: p.end, kind: 'state', name: state.name, id: state.id });
    }
  }
  return out;
}

/**
 * Phenomenon: a capital speaking for its government ("Moscow said", "Kyiv accused"): a town the
 * world base marks as a national capital (GeoNames PPLC) stands for its country's state.
 */
function capitalState(index: ActorIndex, p: PlaceMention): { name: string; id: string } | undefined {
  if (p.place.feature !== 'PPLC' || !p.place.country) return undefined;
  const entry = index.byId.get(`state-${p.place.country.toLowerCase()}`);
  return entry ? { name: entry.name, id: entry.id } : undefined;
}
