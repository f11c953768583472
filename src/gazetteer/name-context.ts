import { isTight, type Token } from '../extract/text/tokens.js';
import type { GazetteerPlace } from './gazetteer.js';

/** Capitalised words that may stand before a place name without making it part of another name. */
const BEFORE_OK = new Set(
  (
    'the in a an at on of from to for by with near and or but as if when while after before since ' +
    'under over into across outside inside throughout both all many most some several former ' +
    'north south east west northern southern eastern western central upper lower greater downtown ' +
    'rural coastal southeast southwest northeast northwest mainland ' +
    'although though because whereas unless until where whether yet so also even only then now ' +
    'today yesterday tonight here there every each this that these those its his her their our ' +
    'overall meanwhile however'
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
    'daily herald tribune press news star journal chronicle observer gazette republic federation ' +
    'water trade cancer management aviation chamber commission limited observatory transport rail ' +
    'sports energy health institute foundation society association club league airlines airways ' +
    'bank group company corporation fc united stock exchange market fund office agency service ' +
    'services board bureau court courts parliament assembly cabinet congress prosecutors public ' +
    'special economic business financial cultural heritage historical national international ' +
    'medical science technology power electric gas oil railway metro transit bus buses film ' +
    'festival games olympic olympics cup open marathon summit declaration accord agreement ' +
    'talks conference province provinces county counties municipality town village ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december ' +
    'tourism authority authorities rangers telecom hotel hotels resort mall plc ltd inc media ' +
    'television tv radio broadcasting online magazine review guardian mail telegraph standard ' +
    'express courier independent today weekly sun globe record mirror zoo aquarium tower towers ' +
    'stadium arena hall theatre theater church cathedral mosque temple library gallery'
  ).split(' '),
);

/** Lower-case particles inside names ("Mocímboa da Praia", "Ras al Ain", "Rio de Janeiro"). */
const PARTICLES = new Set('da de do dos das del della di du la le al el bin ibn van von der den'.split(' '));

/** Titles before a name: what follows is a person ("President Jackson", "Senator Kennedy"). */
const TITLES = new Set(
  'president senator sen gov governor mayor king queen prince princess general gen mr mrs ms dr judge'.split(
    ' ',
  ),
);

/**
 * How the place name at tokens [first, last) is part of a person's or a brand's name:
 * `first-name` when a surname follows ("Georgia Stevens": the same word alone later in the
 * text is likely that person), `inside` when it follows a name or a title ("George
 * Washington", "Butterball Turkey", "DeSmog Canada"), null when it is not.
 */
export function personNameRole(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  options: readonly GazetteerPlace[],
): 'first-name' | 'inside' | null {
  if (options.some((p) => p.kind === 'line_of_contact' || p.kind === 'border')) return null;
  const before = tokens[first - 1];
  const head = tokens[first];
  const tail = tokens[last - 1];
  const after = tokens[last];
  if (!head || !tail) return null;
  const beforeName = tokens[first - 2];
  if (
    before &&
    beforeName &&
    PARTICLES.has(before.text) &&
    beforeName.isCap &&
    isTight(text, beforeName, before)
  )
    if (isTight(text, before, head)) return 'inside';
  if (before && isSpaced(text, before, head) && before.isCap && !isAcronym(before)) {
    if (TITLES.has(before.norm) || (!BEFORE_OK.has(before.norm) && !startsSentence(text, before)))
      return 'inside';
  }
  if (!after || !after.isCap || !isTight(text, tail, after) || AFTER_OK.has(after.norm)) return null;
  // A surname has two letters at least: "Texas A&M", or a dateline before "A man …", is no name.
  if (!isSpaced(text, tail, after) || after.text.length < 2) return null;
  return last - first === 1 && !isAcronym(after) ? 'first-name' : null;
}

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
  return personNameRole(text, tokens, first, last, options) !== null;
}

/**
 * The two tokens stand one space apart, as a name's words do: a hyphen or dash pairs two
 * names instead ("Russia-Turkey ties", "the Iran–Iraq war").
 */
function isSpaced(text: string, left: Token, right: Token): boolean {
  return /^[ \u00a0]$/.test(text.slice(left.end, right.start));
}

/** The token opens a sentence or a line: its capital says nothing about a name. */
function startsSentence(text: string, t: Token): boolean {
  return (
    t.start === 0 || /(?:^|[.!?]["”’)]?\s+|\n\s*)["“‘(]?$/.test(text.slice(Math.max(0, t.start - 5), t.start))
  );
}

function isAcronym(t: Token): boolean {
  return t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text);
}

/** What the text says about its words: which appear in lower case, which follow a first name. */
export interface WordUse {
  readonly lower: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
}

/**
 * Collects, in one pass, the words the text writes in lower case ("federal", "commerce") and
 * the capitalised words it writes after another capitalised word that no place name may follow
 * ("Michael Steele"): a town named like one of them is read as that word or surname.
 *
 * @example wordUseOf(text, tokens).lower.has('federal')
 */
export function wordUseOf(text: string, tokens: readonly Token[]): WordUse {
  const lower = new Set<string>();
  const surnames = new Set<string>();
  for (const t of tokens) if (!t.isCap) lower.add(t.norm);
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    // A sentence's first word that the text also writes in lower case ("Overall Edmonton
    // received …") is a word, not a first name.
    if (
      t.isCap &&
      before?.isCap &&
      !BEFORE_OK.has(before.norm) &&
      !isAcronym(before) &&
      isTight(text, before, t) &&
      !(lower.has(before.norm) && startsSentence(text, before))
    )
      surnames.add(t.norm);
    if (t.isCap && before && isMiddleInitial(text, tokens, i - 1)) surnames.add(t.norm);
  });
  return { lower, surnames };
}

/**
 * A middle initial between a first name and a surname ("Charles W. Murphy", "John R. Bolton"):
 * one capital letter and a full stop, after a capitalised word.
 */
function isMiddleInitial(text: string, tokens: readonly Token[], at: number): boolean {
  const initial = tokens[at];
  const first = tokens[at - 1];
  const next = tokens[at + 1];
  if (!initial || !first || !next || !/^\p{Lu}$/u.test(initial.text)) return false;
  if (!first.isCap || BEFORE_OK.has(first.norm) || isAcronym(first)) return false;
  return text.slice(first.end, initial.start) === ' ' && text.slice(initial.end, next.start) === '. ';
}

const SPEECH = /^(?:'s|’s)?\s+(?:said|says|told|added|wrote|argued|explained|noted|asked|stated)\b/;

/**
 * True when a one-word town name is, in this text, more likely a word or a person: the text
 * writes it in lower case elsewhere, uses it as a surname, has it speak ("Steele said"), or it
 * is an acronym among lower-case words ("NATO").
 *
 * @example isWordNotTown(text, tokens, 3, use) // true for "Federal" when "federal" is written too
 */
export function isWordNotTown(text: string, tokens: readonly Token[], at: number, use: WordUse): boolean {
  const t = tokens[at];
  if (!t) return false;
  if (use.lower.has(t.norm) || use.surnames.has(t.norm)) return true;
  if (SPEECH.test(text.slice(t.end, t.end + 24))) return true;
  if (!isAcronym(t) || t.text.length < 3) return false;
  const next = tokens[at + 1];
  const lineStart = at === 0 || /\n\s*$/.test(text.slice(Math.max(0, t.start - 4), t.start));
  return !lineStart && (next === undefined || !isAcronym(next));
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
