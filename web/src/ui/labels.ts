import { words } from './dom.js';
import { INCIDENT_KIND_LABELS, NO_DATE_TEXT } from './vocabulary.js';

/**
 * An incident kind as people read it: the vocabulary's label (`shelling` → "Shelling").
 *
 * @example kindLabel('air_strike') // 'Air strike'
 */
export function kindLabel(kind: string): string {
  return (INCIDENT_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? words(kind);
}

/** What the app shows for an incident no report dates (the server's vocabulary says it). */
export const NO_DATE = NO_DATE_TEXT;

/**
 * An incident's dates as people read them: one day, a range, or "date not stated".
 *
 * @example datesText({ dateStart: '2020-11-09', dateEnd: '2020-11-10' }) // '2020-11-09 – 2020-11-10'
 * @example datesText({ dateStart: null, dateEnd: null }) // 'date not stated'
 */
export function datesText(i: { readonly dateStart: string | null; readonly dateEnd: string | null }): string {
  if (i.dateStart === null) return NO_DATE;
  return i.dateEnd === null || i.dateEnd === i.dateStart ? i.dateStart : `${i.dateStart} – ${i.dateEnd}`;
}
