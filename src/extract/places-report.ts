import type { PlaceMentionEntry } from './schema.js';

/** Longest surface quoted in a line of the report; longer ones are cut with an ellipsis. */
const MAX_SURFACE = 60;

/**
 * The place resolutions of one extraction as readable lines (what `truce extract --verbose`
 * prints on standard error): each place with the words that named it, where it was put, how
 * sure the resolution is and why.
 *
 * @example describePlaces(text, places)[0] // '  "Paris" (1×) → Paris, Texas, US [geonames:4717560] 31.66,-95.56 exact; confidence 1.00: written with the place it lies in (Texas)'
 */
export function describePlaces(text: string, places: readonly PlaceMentionEntry[]): string[] {
  return places.map((p) => {
    const first = p.spans[0];
    const raw = first ? text.slice(first.start, first.end) : p.name;
    const surface = raw.length > MAX_SURFACE ? `${raw.slice(0, MAX_SURFACE - 1)}…` : raw;
    const where = [p.name, p.admin1 !== null && p.admin1 !== p.name ? p.admin1 : null, p.country]
      .filter((x) => x !== null && x !== '')
      .join(', ');
    const at =
      p.lat === null || p.lon === null ? 'no coordinates' : `${p.lat.toFixed(2)},${p.lon.toFixed(2)}`;
    const id = p.id === null ? '' : ` [${p.id}]`;
    return `  "${surface}" (${p.spans.length}×) → ${where}${id} ${at} ${p.precision}; confidence ${p.confidence.toFixed(2)}: ${p.reason}`;
  });
}
