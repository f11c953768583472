const MARKS = /[\u0300-\u036f]/g;
const SPECIAL: Readonly<Record<string, string>> = { ı: 'i', ə: 'e', Ə: 'e', ß: 'ss', ł: 'l', đ: 'd', ø: 'o' };
const SPECIAL_RE = /[ıəƏßłđø]/g;

/**
 * Folds a word for matching: lower case, diacritics removed, a few letters transliterated.
 *
 * @example foldWord('Ouédraogo') // 'ouedraogo'
 */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (isAscii(lower)) return lower;
  return lower
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(MARKS, '');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Splits a name into folded words, the way the tokenizer splits text. */
export function foldName(name: string): string[] {
  return (name.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(foldWord);
}
