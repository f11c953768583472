/**
 * A linear pre-pass over raw HTML before the parser sees it: cut the elements whose content
 * is never article text (scripts, styles, SVG, templates, comments) and keep the JSON-LD
 * blocks for the metadata pass. Every search moves forward with `lastIndex`, so the pass is
 * O(n); the patterns are literal alternations (no backtracking).
 */

export interface StrippedHtml {
  readonly html: string;
  readonly jsonLd: readonly string[];
}

/** Raw HTML beyond this many characters is not parsed (the bound on the heavy passes). */
export const MAX_HTML_CHARS = 3_000_000;
/** At most this many JSON-LD blocks are kept, each at most this long. */
const MAX_JSON_LD = 20;
const MAX_JSON_LD_CHARS = 500_000;

const OPENING = /<(script|style|noscript|svg|template|iframe|canvas|math)(?=[\s>/])|<!--/gi;
const CLOSINGS: Readonly<Record<string, RegExp>> = Object.fromEntries(
  ['script', 'style', 'noscript', 'svg', 'template', 'iframe', 'canvas', 'math'].map((tag) => [
    tag,
    new RegExp(`</${tag}\\s*>`, 'gi'),
  ]),
);

interface Cut {
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly end: number;
}

function commentEnd(source: string, at: number): Cut {
  const close = source.indexOf('-->', at + 4);
  const end = close < 0 ? source.length : close + 3;
  return { contentStart: at + 4, contentEnd: end, end };
}

function elementEnd(source: string, tag: string, at: number): Cut {
  const open = source.indexOf('>', at);
  if (open < 0) return { contentStart: source.length, contentEnd: source.length, end: source.length };
  const contentStart = open + 1;
  if (source[open - 1] === '/') return { contentStart, contentEnd: contentStart, end: contentStart };
  const closing = CLOSINGS[tag.toLowerCase()];
  if (!closing) return { contentStart, contentEnd: contentStart, end: contentStart };
  closing.lastIndex = contentStart;
  const match = closing.exec(source);
  if (!match) return { contentStart, contentEnd: source.length, end: source.length };
  return { contentStart, contentEnd: match.index, end: match.index + match[0].length };
}

function isJsonLd(source: string, at: number, contentStart: number): boolean {
  return /ld\+json/i.test(source.slice(at, Math.min(contentStart, at + 300)));
}

/** Remove script-like elements and comments; return the rest and the JSON-LD bodies. */
export function stripRawHtml(raw: string): StrippedHtml {
  const source = raw.length > MAX_HTML_CHARS ? raw.slice(0, MAX_HTML_CHARS) : raw;
  const opening = new RegExp(OPENING.source, OPENING.flags);
  const parts: string[] = [];
  const jsonLd: string[] = [];
  let from = 0;
  for (let match = opening.exec(source); match; match = opening.exec(source)) {
    const tag = match[1];
    const cut = tag ? elementEnd(source, tag, match.index) : commentEnd(source, match.index);
    parts.push(source.slice(from, match.index), ' ');
    if (tag && jsonLd.length < MAX_JSON_LD && isJsonLd(source, match.index, cut.contentStart)) {
      jsonLd.push(
        source.slice(cut.contentStart, Math.min(cut.contentEnd, cut.contentStart + MAX_JSON_LD_CHARS)),
      );
    }
    from = Math.max(cut.end, match.index + 1);
    opening.lastIndex = from;
  }
  parts.push(source.slice(from));
  return { html: parts.join(''), jsonLd };
}
