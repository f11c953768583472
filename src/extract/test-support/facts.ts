import { defaultGazetteer } from '../../gazetteer/load.js';
import { extract, extractFacts } from '../extract.js';
import type { Extraction } from '../schema.js';

/** The fact stages over a plain English text, skipping the clean stage. */
export function factsOf(text: string, published: string | null = '2020-11-10'): Omit<Extraction, 'document'> {
  return extractFacts(text, published, defaultGazetteer());
}

/** The whole pipeline over a string, as the CLI runs it. */
export function extractText(
  text: string,
  published: string | null = '2020-11-10',
  contentType = 'text/plain',
): Extraction {
  return extract({ bytes: new TextEncoder().encode(text), contentType }, { published });
}

/** The text an item's offsets point at. */
export function spanText(text: string, item: { readonly start: number; readonly end: number }): string {
  return text.slice(item.start, item.end);
}
