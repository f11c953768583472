/**
 * Every match of a global pattern, in order, as `text.matchAll(re)` gives them (an empty match
 * moves on by one character, by one code point under the `u` or `v` flag), at most `limit`.
 * Unlike `matchAll` it does not copy the pattern first, which costs more than the search on a
 * short text; the pattern's `lastIndex` is 0 again afterwards. Throws on a pattern without `g`,
 * as `matchAll` does.
 *
 * @example allMatches(/\d+/g, 'a1b22').map((m) => m.index) // [1, 3]
 */
export function allMatches(re: RegExp, text: string, limit = Number.POSITIVE_INFINITY): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches: the pattern /${re.source}/ needs the g flag`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  while (out.length < limit) {
    const m = re.exec(text);
    if (m === null) break;
    out.push(m);
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, index: number, byCodePoint: boolean): number {
  if (!byCodePoint || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
