/**
 * The clean stage: bytes in, the article's clean body out. HTML goes through a parser and a
 * main-content pass; plain text through a paragraph classifier; both through the boilerplate
 * phrase filter and the whitespace/quote normalisation.
 */
import { cleanHtml } from './clean-html.js';
import { decodeBytes } from './decode.js';
import { joinParagraphs, normaliseParagraph } from './normalise-text.js';
import { dropFurniture, isFurnitureUnit, keepArticleParagraphs } from './paragraph-classifier.js';
import { splitInlineFurniture } from './inline-furniture.js';
import { splitUnits } from './text-units.js';

export interface CleanInput {
  readonly bytes: Uint8Array;
  /** A Content-Type header or file hint, if the caller knows one (`text/html; charset=windows-1251`). */
  readonly contentType?: string;
}

export interface CleanedDocument {
  /** The article's title, or null when none is found. */
  readonly title: string | null;
  /** The clean body: only the article's own sentences, whitespace and quote marks normalised. */
  readonly text: string;
  readonly isHtml: boolean;
  /** The charset the bytes were decoded with. */
  readonly charset: string;
  /** Publication date from the page's metadata (YYYY-MM-DD), or null. */
  readonly published: string | null;
  /** The language the page declares (`<html lang>`), or null. */
  readonly declaredLanguage: string | null;
}

/**
 * Clean one document.
 *
 * @example
 * const doc = cleanDocument({ bytes: new TextEncoder().encode('<p>Talks resumed.</p>'), contentType: 'text/html' });
 * doc.text; // 'Talks resumed.'
 */
export function cleanDocument(input: CleanInput): CleanedDocument {
  const decoded = decodeBytes(input.bytes, input.contentType);
  if (decoded.isHtml) {
    const html = cleanHtml(decoded.text);
    return {
      title: html.title,
      text: joinParagraphs(dropFurniture(html.paragraphs.map(normaliseParagraph))),
      isHtml: true,
      charset: decoded.charset,
      published: html.published,
      declaredLanguage: html.declaredLanguage,
    };
  }
  return {
    title: null,
    text: joinParagraphs(
      keepArticleParagraphs(
        splitUnits(decoded.text).flatMap((unit) =>
          splitInlineFurniture(normaliseParagraph(unit), isFurnitureUnit),
        ),
      ),
    ),
    isHtml: false,
    charset: decoded.charset,
    published: null,
    declaredLanguage: null,
  };
}
