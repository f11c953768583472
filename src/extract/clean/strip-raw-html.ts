/**
 * A linear pre-pass over raw HTML before the parser sees it: cut the elements whose content
 * is never article text (scripts, styles, SVG, templates, comments) and keep the JSON-LD
 * blocks for the metadata pass. Each element is found with indexOf, so the pass is O(n).
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

const DROPPED = ['script', 'style', 'noscript', 'svg', 'template', 'iframe', 'canvas', 'math'] as const;

function isNameEnd(char: string | undefined): boolean {
  return char === undefined || char === '>' || char === '/' || /\s/.test(char);
}

function findTag(lower: string, tag: string, from: number): number {
  if (tag === '!--') return lower.indexOf('<!--', from);
  let at = lower.indexOf(`<${tag}`, from);
  while (at >= 0 && !isNameEnd(lower[at + tag.length + 1])) at = lower.indexOf(`<${tag}`, at + 1);
  return at;
}

/**
 * The earliest `<tag` among the dropped tags and comments, at or after `from`. Positions are
 * cached per tag and only searched again once passed, which keeps the whole pass linear.
 */
function nextDropped(lower: string, from: number, cache: Map<string, number>): { at: number; tag: string } | null {
  let best: { at: number; tag: string } | null = null;
  for (const tag of ['!--', ...DROPPED]) {
    let at = cache.get(tag) ?? -2;
    if (at !== -1 && at < from) {
      at = findTag(lower, tag, from);
      cache.set(tag, at);
    }
    if (at >= 0 && (best === null || at < best.at)) best = { at, tag };
  }
  return best;
}

function endOf(lower: string, tag: string, at: number): { contentStart: number; end: number } {
  if (tag === '!--') {
    const close = lower.indexOf('-->', at + 4);
    return { contentStart: at + 4, end: close < 0 ? lower.length : close + 3 };
  }
  const open = lower.indexOf('>', at);
  const contentStart = open < 0 ? lower.length : open + 1;
  if (lower[open - 1] === '/') return { contentStart, end: contentStart };
  const close = lower.indexOf(`</${tag}`, contentStart);
  if (close < 0) return { contentStart, end: lower.length };
  const closeEnd = lower.indexOf('>', close);
  return { contentStart, end: closeEnd < 0 ? lower.length : closeEnd + 1 };
}

function isJsonLd(openTag: string): boolean {
  return openTag.startsWith('<script') && openTag.includes('ld+json');
}

/** Remove script-like elements and comments; return the rest and the JSON-LD bodies. */
export function stripRawHtml(raw: string): StrippedHtml {
  const source = raw.length > MAX_HTML_CHARS ? raw.slice(0, MAX_HTML_CHARS) : raw;
  const lower = source.toLowerCase();
  const parts: string[] = [];
  const jsonLd: string[] = [];
  let from = 0;
  const cache = new Map<string, number>();
  for (let next = nextDropped(lower, 0, cache); next; next = nextDropped(lower, from, cache)) {
    parts.push(source.slice(from, next.at));
    const { contentStart, end } = endOf(lower, next.tag, next.at);
    if (isJsonLd(lower.slice(next.at, contentStart)) && jsonLd.length < MAX_JSON_LD) {
      const closeAt = lower.lastIndexOf('</script', end);
      const body = source.slice(contentStart, closeAt > contentStart ? closeAt : end);
      jsonLd.push(body.slice(0, MAX_JSON_LD_CHARS));
    }
    parts.push(' ');
    from = Math.max(end, next.at + 1);
  }
  parts.push(source.slice(from));
  return { html: parts.join(''), jsonLd };
}
