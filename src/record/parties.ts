/**
 * Party keys: actor names as reports write them ("Azerbaijani forces", "Military Forces of
 * Armenia", "the Armenian side") reduced to one key per party, for merging and for liaisons.
 */
const PARTY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\barmenia(n|ns)?\b/i, 'armenia'],
  [/\bazerbaijan(i|is)?\b/i, 'azerbaijan'],
  [/\brussia(n|ns)?\b/i, 'russia'],
  [/\b(turkey|turkish|türkiye)\b/i, 'turkey'],
  [/\bukrain(e|ian|ians)\b/i, 'ukraine'],
  [/\bgeorgia(n|ns)?\b/i, 'georgia'],
  [/\b(protesters?|demonstrators?|crowds?|rioters?)\b/i, 'protesters'],
  [/\bcivilians?\b/i, 'civilians'],
];

/** The party key of one actor name, or its lower-cased name when no party is recognised. */
export function partyKey(actor: string): string {
  const text = actor.slice(0, 200);
  for (const [pattern, key] of PARTY_WORDS) if (pattern.test(text)) return key;
  return text.trim().toLowerCase();
}

/** Distinct party keys of the named actors (nulls skipped). */
export function partyKeys(actors: readonly (string | null | undefined)[]): string[] {
  return [...new Set(actors.filter((a): a is string => Boolean(a && a.trim())).map(partyKey))];
}
