import type { Figure } from './schema.js';

/** Singular nouns of people a casualty report counts one by one. Data. */
const PERSON_NOUNS =
  'soldier|peacekeeper|civilian|person|man|woman|child|girl|boy|member|citizen|employee|monitor|observer|' +
  'guard|policeman|policewoman|officer|serviceman|servicewoman|fighter|militant|worker|journalist|driver|' +
  'resident|villager|farmer|passenger|ranger|medic|volunteer|staffer|national|contractor|pilot|crewman';
const ADVERBS = '(?:also|later|reportedly|seriously|critically|slightly|lightly|fatally|badly|gravely)\\s+';
const OUTCOME = '(killed|died|shot dead|dead|wounded|injured|hurt)';
const BE = '(?:was|has been|had been|is|has|had|were)\\s+';

/**
 * Phenomenon: one casualty written without a digit ("A U.N. peacekeeper was killed", "A U.S.
 * citizen, an employee of the mission, was killed", "Another was seriously injured", "one of its
 * guards was wounded"), and two singular people joined ("A woman and a girl were killed").
 */
const ONE = new RegExp(
  `\\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+((?:[\\p{L}.'’-]+\\s+){0,4}?)(${PERSON_NOUNS})\\b(?:,[^,.;]{1,80},)?\\s+(?:${BE})?(?:${ADVERBS}){0,2}${OUTCOME}\\b`,
  'gu',
);
const ANOTHER = new RegExp(
  `\\b(?:[Aa]nother|[Aa] (?:second|third|fourth|fifth))\\s+(?:one\\s+)?${BE}(?:${ADVERBS}){0,2}${OUTCOME}\\b`,
  'gu',
);
const ONE_OF = new RegExp(
  `\\b[Oo]ne\\s+of\\s+(?:the|its|their|his|her|our)\\s+((?:[\\p{L}'’-]+\\s+){0,2}?\\p{L}+s)\\s+${BE}(?:${ADVERBS}){0,2}${OUTCOME}\\b`,
  'gu',
);
const TWO = new RegExp(
  `\\b[Aa]n?\\s+(${PERSON_NOUNS})\\s+and\\s+an?\\s+(${PERSON_NOUNS})\\s+were\\s+(?:${ADVERBS}){0,2}${OUTCOME}\\b`,
  'gu',
);
const MAX_FIGURES = 500;

/**
 * Casualties counted in words that are not numbers: each is a figure of 1 (or 2 for "a woman and
 * a girl"), exact, with the noun as its unit and the outcome verb as its kind.
 *
 * @example singularCasualties('A U.N. peacekeeper was killed.')[0]?.kind // 'killed'
 */
export function singularCasualties(text: string): Figure[] {
  const out: Figure[] = [];
  const push = (m: RegExpMatchArray, value: number, unit: string, outcome: string | undefined) => {
    if (out.length >= MAX_FIGURES || !outcome) return;
    const start = m.index ?? 0;
    out.push({
      value,
      low: value,
      best: value,
      high: value,
      qualifier: 'exact',
      kind: /killed|died|dead/u.test(outcome) ? 'killed' : 'injured',
      unit,
      start,
      end: start + m[0].length,
    });
  };
  for (const [from, to] of outcomeWindows(text)) {
    const part = text.slice(from, to);
    const at = (m: RegExpMatchArray): RegExpMatchArray => Object.assign(m, { index: (m.index ?? 0) + from });
    for (const m of part.matchAll(TWO)) push(at(m), 2, `${m[1] ?? ''} and ${m[2] ?? ''}`, m[3]);
    for (const m of part.matchAll(ONE)) push(at(m), 1, `${m[1] ?? ''}${m[2] ?? ''}`.trim(), m[3]);
    for (const m of part.matchAll(ANOTHER)) push(at(m), 1, 'people', m[1]);
    for (const m of part.matchAll(ONE_OF)) push(at(m), 1, m[1] ?? 'people', m[2]);
  }
  return dropOverlaps(out);
}

const OUTCOME_WORD = /\b(?:killed|died|dead|wounded|injured|hurt)\b/g;
const WINDOW_BEFORE = 200;

/** Stretches ending at an outcome word, merged: the phrases above only occur there, so only they are searched. */
function outcomeWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(OUTCOME_WORD)) {
    // Start at a word's edge, so no match begins inside a word.
    const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, m.index - WINDOW_BEFORE)));
    const to = m.index + m[0].length;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else out.push([from, to]);
    if (out.length >= MAX_FIGURES) break;
  }
  return out;
}

function dropOverlaps(figures: readonly Figure[]): Figure[] {
  const sorted = [...figures].sort((a, b) => a.start - b.start);
  const out: Figure[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (!last || f.start >= last.end) out.push(f);
  }
  return out;
}
