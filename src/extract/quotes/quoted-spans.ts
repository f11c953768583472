export interface QuotedSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark. */
  readonly close: number;
}

const PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '«': '»',
  '„': '“”',
  '‹': '›',
  '「': '」',
  '‘': '’',
};
const FIRST_PAIRED = Math.min(...Object.keys(PAIRS).map((mark) => mark.charCodeAt(0)));
const DOUBLE = '"'.charCodeAt(0);
const SINGLE = "'".charCodeAt(0);
const MAX_QUOTE = 3000;
const MAX_SINGLE = 400;

/**
 * Finds quoted passages in every quote style: curly and straight double quotes, guillemets,
 * German „…“, single curly quotes (telling apostrophes apart) and straight single quotes.
 * One linear pass per paragraph; an unclosed mark is dropped, never searched past its paragraph.
 *
 * @example findQuotedSpans('He said “no”.') // [{ open: 8, close: 11 }]
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const paragraphs = [...text.matchAll(/[^\n]+/g)];
  paragraphs.forEach((para, i) => {
    const openAtEnd = scanParagraph(para[0], para.index, out);
    const next = paragraphs[i + 1]?.[0].trimStart()[0];
    // A quote running over paragraphs reopens each new paragraph with the same mark.
    if (openAtEnd >= 0 && next !== undefined && next === para[0][openAtEnd] && next !== "'") {
      out.push({ open: para.index + openAtEnd, close: para.index + para[0].trimEnd().length });
    }
  });
  return out.sort((a, b) => a.open - b.open);
}

/** Scans one paragraph; returns where a still-open quote starts, or -1. */
function scanParagraph(line: string, base: number, out: QuotedSpan[]): number {
  let openAt = -1;
  let closers = '';
  for (let i = 0; i < line.length; i++) {
    // Outside a quote only a quote mark matters: '"', "'" or one of PAIRS (all from U+00AB on).
    const code = line.charCodeAt(i);
    if (openAt < 0 && code < FIRST_PAIRED && code !== DOUBLE && code !== SINGLE) continue;
    const c = line[i] ?? '';
    if (openAt >= 0 && closers.includes(c) && isCloser(line, i, c)) {
      out.push({ open: base + openAt, close: base + i });
      openAt = -1;
    } else if (c in PAIRS || c === '"' || c === "'") {
      if (isOpener(line, i, c) && (openAt < 0 || (line[openAt] === c && i - openAt > 1))) {
        openAt = i;
        closers = PAIRS[c] ?? c;
      }
    }
    if (openAt >= 0 && i - openAt > (line[openAt] === "'" ? MAX_SINGLE : MAX_QUOTE)) openAt = -1;
  }
  return openAt;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const OPEN_BEFORE = /[\s([{\u2014\u2013:;,-]/u;

function isOpener(line: string, i: number, c: string): boolean {
  const prev = line[i - 1];
  const next = line[i + 1] ?? ' ';
  if (c === '"' || c === "'") {
    // Phenomenon: a scraped page that lost the space before a quote ("this week"In Luhansk …").
    if (c === '"' && prev !== undefined && /\p{Ll}/u.test(prev) && /\p{Lu}/u.test(next)) return true;
    const prevOk = prev === undefined || OPEN_BEFORE.test(prev);
    return prevOk && !/\s/.test(next) && (c === '"' || WORD_CHAR.test(next));
  }
  if (c !== '‘') return true;
  return !WORD_CHAR.test(prev ?? ' ');
}

function isCloser(line: string, i: number, c: string): boolean {
  const prev = line[i - 1] ?? ' ';
  const next = line[i + 1] ?? ' ';
  if (c === '"' || c === "'") return !/\s/.test(prev) && !WORD_CHAR.test(next);
  if (c !== '’') return true;
  return !WORD_CHAR.test(next);
}

/** True when `offset` lies inside one of the spans (marks included); spans are sorted and disjoint. */
export function isInsideQuote(spans: readonly QuotedSpan[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid];
    if (!s) return false;
    if (offset < s.open) hi = mid - 1;
    else if (offset > s.close) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The first span that opens after `offset`, or undefined. */
export function nextSpanAfter(spans: readonly QuotedSpan[], offset: number): QuotedSpan | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid]?.open ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return spans[lo];
}

/** The spans that overlap `[start, end)`, in order (spans are sorted and disjoint). */
export function spansBetween(spans: readonly QuotedSpan[], start: number, end: number): QuotedSpan[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid]?.close ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: QuotedSpan[] = [];
  for (let i = lo; i < spans.length; i++) {
    const s = spans[i];
    if (!s || s.open >= end) break;
    out.push(s);
  }
  return out;
}
