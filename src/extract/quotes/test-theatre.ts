import { defaultGazetteer } from '../../gazetteer/load.js';
import { loadTheatre } from '../../theatre/pack-io.js';
import { extractFacts } from '../extract.js';
import type { Quote } from '../schema.js';

const world = loadTheatre(['international']);

/** The quotes of a text read with the world base and the international pack only. */
export function worldQuotes(text: string): Quote[] {
  return extractFacts(text, '2024-03-12', defaultGazetteer(world), world).quotes;
}

/** The speaker of the quote whose text holds `words`. */
export function speakerOf(quotes: readonly Quote[], words: string): string | null | undefined {
  return quotes.find((q) => q.text.includes(words))?.speaker;
}
