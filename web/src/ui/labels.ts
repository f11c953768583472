import { formatDay, t, tData } from '../i18n/i18n.js';
import { words } from './dom.js';
import { DATE_PRECISION_LABELS, INCIDENT_KIND_LABELS } from './vocabulary.js';

/**
 * The vocabulary as people read it, in the active language. The vocabulary (src/vocabulary)
 * holds each set once with its English label; a catalogue translates it by key (`kind.<key>`,
 * `status.<key>`, `precision.<key>`) and English falls back to the vocabulary's own label.
 *
 * @example kindLabel('air_strike') // 'Air or drone strike' in English
 */
export function kindLabel(kind: string): string {
  return (
    tData(`kind.${kind}`) ?? (INCIDENT_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? words(kind)
  );
}

/** An incident status (`under_review` → "under review"). */
export function statusLabel(status: string): string {
  return tData(`status.${status}`) ?? words(status);
}

/** How precise a date is (`night` → "overnight"). */
export function precisionLabel(precision: string): string {
  return (
    tData(`precision.${precision}`) ??
    (DATE_PRECISION_LABELS as Readonly<Record<string, string>>)[precision] ??
    words(precision)
  );
}

/** What the app shows for an incident no report dates (the server's vocabulary says it in English). */
export function noDate(): string {
  return t('date.notStated');
}

/**
 * An incident's dates as people read them: one day, a range, or "date not stated".
 *
 * @example datesText({ dateStart: '2020-11-09', dateEnd: '2020-11-10' }) // '2020-11-09 – 2020-11-10'
 * @example datesText({ dateStart: null, dateEnd: null }) // 'date not stated'
 */
export function datesText(i: { readonly dateStart: string | null; readonly dateEnd: string | null }): string {
  if (i.dateStart === null) return noDate();
  return i.dateEnd === null || i.dateEnd === i.dateStart
    ? formatDay(i.dateStart)
    : `${formatDay(i.dateStart)} – ${formatDay(i.dateEnd)}`;
}
