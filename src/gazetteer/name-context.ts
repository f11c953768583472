import { isTight, type Token } from '../extract/text/tokens.js';
import type { GazetteerPlace } from './gazetteer.js';

/** Capitalised words that may stand before a place name without making it part of another name. */
const BEFORE_OK = new Set(
  (
    'the in a an at on of from to for by with near and or but as if when while after before since ' +
    'under over into across outside inside throughout both all many most some several former ' +
    'north south east west northern southern eastern western central upper lower greater downtown ' +
    'rural coastal southeast southwest northeast northwest mainland'
  ).split(' '),
);

/** Words after a place name that make it a modifier of a thing, still naming the place. */
const AFTER_OK = new Set(
  (
    'state states president police department times post national mayor sheriff fire government ' +
    'premier minister ministry governor senator gov sen rep ambassador embassy secretary council ' +
    'city county province region district airport port university college school hospital court ' +
    'army navy air forces military army authorities officials international public regional ' +
    'metropolitan area valley river lake sea bay island islands mountains street road highway ' +
    'station bridge square park centre center zoo museum coast border north south east west ' +
    'daily herald tribune press news star journal chronicle observer gazette republic federation'
  ).split(' '),
);

/** Titles before a name: what follows is a person ("President Jackson", "Senator Kennedy"). */
const TITLES = new Set(
  'president senator sen gov governor mayor king queen prince princess general gen mr mrs ms dr judge'.split(' '),
);

/**
 * True when the place name at tokens [first, last) is part of a person's (or a brand's) name:
 * joined to a capitalised word before it ("George Washington", "Butterball Turkey"), after a
 * title, or followed by a surname the text uses alone elsewhere ("Georgia Stevens" … "Stevens
 * said"). A place name followed by "Police", "Times" or "University" still names the place.
 *
 * @example isPersonName('Georgia Stevens said. Stevens left.', tokens, 0, 1, options) // true
 */
export function isPersonName(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  options: readonly GazetteerPlace[],
): boolean {
  if (options.some((p) => p.kind === 'line_of_contact' || p.kind === 'border')) return false;
  const before = tokens[first - 1];
  const head = tokens[first];
  const tail = tokens[last - 1];
  const after = tokens[last];
  if (!head || !tail) return false;
  if (before && isTight(text, before, head) && before.isCap && !isAcronym(before)) {
    if (TITLES.has(before.norm) || !BEFORE_OK.has(before.norm)) return true;
  }
  if (!after || !after.isCap || !isTight(text, tail, after) || AFTER_OK.has(after.norm)) return false;
  return last - first === 1 && usedAlone(tokens, after, last);
}

function isAcronym(t: Token): boolean {
  return t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text);
}

/** The word is used elsewhere on its own, capitalised and not after the same place name: a surname. */
function usedAlone(tokens: readonly Token[], word: Token, at: number): boolean {
  const prevNorm = tokens[at - 1]?.norm;
  let seen = 0;
  for (let i = 0; i < tokens.length && seen < 1; i++) {
    const t = tokens[i];
    if (i === at || !t || t.norm !== word.norm || !t.isCap) continue;
    if (tokens[i - 1]?.norm !== prevNorm) seen++;
  }
  return seen > 0;
}

/**
 * True when the name is written after a locative word ("in", "near", "from", "to", "outside"):
 * a place is meant, so a smaller town may be taken.
 *
 * @example isLocative('They met in Ijevan', 11) // true
 */
export function isLocative(text: string, start: number): boolean {
  return /\b(?:in|near|from|to|at|outside|towards?|via|into|of|around)\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, start - 16), start),
  );
}
