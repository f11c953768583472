import type { PlaceMention } from '../places.js';
import { presentPlace } from '../places.js';
import type { DateMention } from '../dates.js';
import type { Sentence } from '../text/sentences.js';
import type { DateRange } from '../schema.js';
import { parseDay } from '../day-math.js';
import { pickDate } from './event-dates.js';
import { pickPlace } from './event-places.js';
import type { Candidate } from './merge-events.js';
import { SPECIFICITY } from './merge-events.js';

/** Words by which a text points back at an event it has told ("the attack", "the blast"). */
const EVENT_NOUN =
  '(?:attacks?|incident|ambush|blast|explosions?|strikes?|shelling|raid|assault|bombing|fighting|clash(?:es)?|protest|rally|shootout|firefight|(?:land ?)?mines?|bomb|IED|explosive device)';
/**
 * Phenomenon: one event told in several sentences. "The attack happened Tuesday near X",
 * "She added that the attack occurred on Tuesday night", "It happened near the village of X":
 * the sentence dates and places the event just told, and is no new event.
 */
const DETAIL = new RegExp(
  `(?:\\b(?:the|this|that|\\p{Lu}\\p{Ll}+day['’]s)\\s+(?:[\\p{L}-]+\\s+){0,2}?${EVENT_NOUN}\\b[^.]{0,80}?|^\\s*It\\s+|\\bit\\s+)(?:occurred|happened|took place|was carried out|unfolded)\\b`,
  'iu',
);

/** True when a sentence adds the date or place of an event told before. */
export const isDetail = (sentence: string): boolean => DETAIL_VERB.test(sentence) && DETAIL.test(sentence);
const DETAIL_VERB = /occurred|happened|took place|carried out|unfolded/i;

/** A determiner right before a trigger ("condemned the attack on peacekeepers", "The protest is …"); tested after the anchored EVENT_NOUN_FIRST, which fails on most triggers. */
const DETERMINER = /\b(?:the|this|that|these|\p{Lu}\p{Ll}+day['’]s)\s+(?:[\p{L}-]+\s+){0,1}$/iu;
/** A trigger that is a noun naming an event ("attack on", "air strikes", "protest"), not a verb. */
const EVENT_NOUN_FIRST = new RegExp(
  `^(?:[\\p{L}-]+\\s+)?${EVENT_NOUN}\\b|^(?:air ?strikes?|prisoner exchange|exchange of|deployment)`,
  'iu',
);

/**
 * True when a trigger is written as a reference to an event already told: an event noun after
 * a determiner ("condemned the attack on peacekeepers"), not a verb after a subject ("the army shelled").
 */
export const isReference = (before: string, trigger: string): boolean =>
  EVENT_NOUN_FIRST.test(trigger) && DETERMINER.test(before);

interface DetailInput {
  readonly text: string;
  readonly places: readonly PlaceMention[];
  readonly dates: readonly DateMention[];
  readonly published: string | null;
}

/**
 * The event told before, with what the detail sentence adds: its date when better than the
 * event's (a written date beats a statement's, which beats none), its place when more specific.
 *
 * @example applyDetail(input, candidate, sentence, 4).event.date?.start // '2022-01-04'
 */
export function applyDetail(input: DetailInput, c: Candidate, s: Sentence, unit: number): Candidate {
  const sentence = input.text.slice(s.start, s.end);
  const m = DETAIL.exec(sentence);
  const at = s.start + (m?.index ?? 0);
  const w = { start: s.start, end: s.end, triggerStart: at, triggerEnd: at + (m?.[0].length ?? 0) };
  const picked = pickDate(input.text, input.dates, w, input.published);
  const place = pickPlace(input.text, input.places, w);
  const better = place && isMoreSpecific(place, c.mention);
  const dated =
    picked.date !== null &&
    (picked.rank < c.rank ||
      (picked.rank === c.rank && !picked.date.inferred && isNarrower(picked.date, c.event.date)));
  return {
    ...c,
    // What follows the detail continues from it ("Two other observers were injured").
    unit,
    rank: dated ? picked.rank : c.rank,
    mention: better ? place : c.mention,
    event: {
      ...c.event,
      ...(dated ? { date: picked.date } : {}),
      ...(better ? { place: presentPlace(place) } : {}),
      evidence: [...c.event.evidence, { start: s.start, end: s.end }],
    },
  };
}

function isNarrower(a: DateRange, b: DateRange | null): boolean {
  if (!b) return true;
  const width = (d: DateRange) => (parseDay(d.end) ?? 0) - (parseDay(d.start) ?? 0);
  return width(a) < width(b);
}

function isMoreSpecific(p: PlaceMention, than: PlaceMention): boolean {
  return (SPECIFICITY[p.place.kind] ?? 9) < (SPECIFICITY[than.place.kind] ?? 9);
}
