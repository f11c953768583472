import type { Count, Figure } from '../schema.js';
import { within } from '../text/ranges.js';

export type CasualtyKind = 'killed' | 'injured';

/** People a text counts among the dead and wounded. */
const PERSON =
  '(?:citizens?|civilians?|soldiers?|servicem[ae]n|peacekeepers?|officers?|police(?:m[ae]n)?|guards?|m[ae]n|wom[ae]n|girls?|boys?|child(?:ren)?|persons?|people|members?|employees?|monitors?|observers?|rangers?|fighters?|militants?|workers?|drivers?|residents?|villagers?|journalists?|staff(?:ers)?|crew(?: members?)?|troops|personnel|engineers?|deminers?|nurses?|doctors?|teachers?|farmers?|shepherds?|students?|pilots?|passengers?)';
const WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  another: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const COUNT = '(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|another)';
const ORDINAL = '(?:second|third|fourth|fifth)';
const OUTCOME =
  '(?:(?:was|were|has been|have been|had been|is|are|got)\\s+(?:\\w+\\s+)?(killed|shot dead|wounded|injured|hurt|taken to (?:a )?hospital)|(died|has died|have died))';

/**
 * Phenomenon: casualties written without a figure the figures stage reads: "A woman and a girl
 * were killed" (two), "An employee … has been killed" (one), "one patrol member has died and two
 * members have been taken to hospital", "a third person was injured" (one more).
 */
const PHRASE = new RegExp(
  `(?<![\\d./:-])\\b${COUNT}\\s+(?:other\\s+)?(?:${ORDINAL}\\s+)?(?:[\\p{L}.-]+\\s+){0,3}?${PERSON}\\b((?:\\s+and\\s+(?:an?|another|one)\\b(?:\\s+[\\p{L}-]+){0,4}?)?)(?:[^.;]{0,70}?)\\s${OUTCOME}`,
  'giu',
);

/**
 * The killed and injured an event's text gives: the largest figure of each kind the figures
 * stage found in the window, else the counts read from casualty phrases.
 *
 * @example casualtiesIn(text, figures, 0, text.length).killed?.best // 2
 */
export function casualtiesIn(
  text: string,
  figures: readonly Figure[],
  start: number,
  end: number,
): Partial<Record<CasualtyKind, Count>> {
  const out: Partial<Record<CasualtyKind, Count>> = {};
  let phrases: Partial<Record<CasualtyKind, number>> | undefined;
  for (const kind of ['killed', 'injured'] as const) {
    const figure = largestFigure(figures, start, end, kind);
    if (figure) {
      out[kind] = figure;
      continue;
    }
    phrases ??= phraseCounts(text.slice(start, end));
    const n = phrases[kind];
    if (n !== undefined) out[kind] = exactly(n);
  }
  return out;
}

/** Words for the members of armed groups, the other side from soldiers, police and civilians. */
const GROUP_MEMBERS =
  /\b(?:militants?|insurgents?|rebels?|terrorists?|jihadists?|gunmen|attackers|assailants|fighters)\b/i;

/**
 * Which side the largest killed figure of a window counts: members of an armed group, or others.
 *
 * @example killedSide(text, figures, 0, text.length) // 'group'
 */
export function killedSide(
  text: string,
  figures: readonly Figure[],
  start: number,
  end: number,
): 'group' | 'other' | undefined {
  let best: Figure | undefined;
  for (const f of within(figures, start, end))
    if (f.kind === 'killed' && (!best || f.best > best.best)) best = f;
  if (!best) return undefined;
  return GROUP_MEMBERS.test(`${best.unit} ${text.slice(best.start, best.end)}`) ? 'group' : 'other';
}

function largestFigure(
  figures: readonly Figure[],
  start: number,
  end: number,
  kind: CasualtyKind,
): Count | undefined {
  let best: Figure | undefined;
  for (const f of within(figures, start, end)) {
    if (f.kind !== kind) continue;
    // Phenomenon: "three soldiers were injured … several others were hurt": a count beats a vague word.
    if (!best || rankOf(f) > rankOf(best) || (rankOf(f) === rankOf(best) && f.best > best.best)) best = f;
  }
  return best ? { low: best.low, best: best.best, high: best.high, qualifier: best.qualifier } : undefined;
}

/** "were killed and another seriously hurt", "and one other injured": one more wounded after the dead. */
const AND_ANOTHER = /\band (?:another|one other)\s+(?:\w+\s+)?(?:wounded|injured|hurt)\b/i;

const HARM = /kill|wound|injur|hurt|died|dead|hospital/i;

function phraseCounts(text: string): Partial<Record<CasualtyKind, number>> {
  const out: Partial<Record<CasualtyKind, number>> = {};
  if (!HARM.test(text)) return out;
  if (AND_ANOTHER.test(text)) out.injured = 1;
  PHRASE.lastIndex = 0;
  for (const m of text.slice(0, 4000).matchAll(PHRASE)) {
    const [, amount = '', joined = '', outcome = '', died = ''] = m;
    const kind: CasualtyKind = died !== '' || /killed|dead/i.test(outcome) ? 'killed' : 'injured';
    const n = /^\d+$/.test(amount) ? Number(amount) : (WORDS[amount.toLowerCase()] ?? 0);
    out[kind] = (out[kind] ?? 0) + n + (joined.trim() === '' ? 0 : 1);
  }
  return out;
}

/** Written counts first, then bounds ("at least"), then vague words ("several", "dozens"). */
const VAGUE = new Set(['several', 'dozens', 'hundreds', 'thousands', 'scores', 'some', 'many']);
const rankOf = (f: Figure): number => (VAGUE.has(f.qualifier) ? 0 : 1);

const exactly = (n: number): Count => ({ low: n, best: n, high: n, qualifier: 'exact' });

/**
 * True when a sentence continues the casualties of the one before ("Three other women were
 * wounded", "another was hurt", "a third person was injured").
 *
 * @example continuesCasualties('Four others were hurt.') // true
 */
export function continuesCasualties(sentence: string): boolean {
  return MORE.test(sentence) && CONTINUES_CASUALTIES.test(sentence);
}

const MORE = /other|second|third|fourth|fifth/i;

/** "Three other women were wounded", "another was hurt", "a third person was injured": more of the same event. */
export const CONTINUES_CASUALTIES = new RegExp(
  `\\b(?:${COUNT}\\s+others?\\b|another\\b|an?\\s+${ORDINAL}\\b|${COUNT}\\s+other\\s+)`,
  'iu',
);
