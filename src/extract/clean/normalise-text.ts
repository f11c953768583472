/**
 * Whitespace and quote-mark normalisation. Every replacement maps one UTF-16 unit to one, so
 * a character's place in a paragraph does not move; paragraphs are joined by one blank line.
 */

const QUOTES: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
};

const QUOTE_CHARS = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
/** C0 controls except tab, line feed and carriage return (which the whitespace pass handles). */
const CONTROLS = Array.from({ length: 32 }, (_, code) => code)
  .filter((code) => code !== 9 && code !== 10 && code !== 13)
  .map((code) => String.fromCharCode(code))
  .join('');
/** Controls, zero-width marks and the byte-order mark carry no text. */
const INVISIBLE = new RegExp(`[${CONTROLS}\\u007f\\u00ad\\u200b-\\u200d\\u2060\\ufeff]`, 'g');
/** Whitespace runs to become one space; a lone space is left as it is (the same result, less work). */
const SPACES =
  /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*| [ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Curly and angle quotes become straight ones (« » become "). */
export function straightenQuotes(text: string): string {
  return text.replace(QUOTE_CHARS, (char) => QUOTES[char] ?? char);
}

/** One paragraph: invisible characters removed, every whitespace run one space. */
export function normaliseParagraph(text: string): string {
  return straightenQuotes(text.replace(INVISIBLE, '').replace(/\r\n?|[\n\u2028\u2029\u0085]/g, ' '))
    .replace(SPACES, ' ')
    .trim();
}

/** Paragraphs normalised and joined with "\n\n"; empty ones dropped. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map(normaliseParagraph)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
