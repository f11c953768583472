import type { Incident } from '../record/schemas.js';
import { actorType, interaction } from './actor-types.js';
import { countryByCode } from '../world/countries.js';
import { acledEventDate, acledTimePrecision, longDate } from './dates.js';
import type { ExportIncident, ExportSource } from './export-incidents.js';
import { acledFatalities } from './fatalities.js';
import { KIND_TAG } from './acled-row.js';
import { PLACE_PRECISION } from '../vocabulary/index.js';
import { withKeptAcledFields } from './acled-kept.js';

/** ACLED's export columns, in ACLED's order (codebook, current API). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string>;

/** ACLED `disorder_type` of an event and sub-event type. */
export function disorderType(eventType: string, subEventType: string): string {
  if (eventType === 'Strategic developments') return 'Strategic developments';
  if (subEventType === 'Excessive force against protesters') return 'Political violence; Demonstrations';
  if (eventType === 'Protests' || subEventType === 'Violent demonstration') return 'Demonstrations';
  return 'Political violence';
}

/** ACLED `geo_precision` from the place precision (vocabulary); no precision counts as near a town. */
export function acledGeoPrecision(precision: Incident['geoPrecision']): 1 | 2 | 3 {
  return PLACE_PRECISION[precision ?? 'near'].acledGeoPrecision;
}

const fixed4 = (value: number | null) => (value === null ? '' : value.toFixed(4));

/** Source names as ACLED lists them: distinct, `;`-separated, in the order first captured. */
export function sourceNames(sources: readonly ExportSource[]): string {
  const names = sources.flatMap((s) => (s.publisher ?? '').split(';').map((n) => n.trim()));
  return [...new Set(names.filter(Boolean))].join('; ');
}

/**
 * A neutral note: what, when, where and who, with no direction between the actors (ACLED's
 * actor1/actor2 imply none), and the range of fatality reports where they disagree.
 */
export function neutralNote(item: ExportIncident): string {
  const i = item.incident;
  if (i.summary?.trim()) return i.summary.trim();
  const what = i.acled.subEventType.toLowerCase();
  const where = i.placeName ? ` ${i.geoPrecision === 'exact' ? 'in' : 'near'} ${i.placeName}` : '';
  const actors = [i.actor1, i.actor2].filter(Boolean);
  const who = actors.length > 0 ? ` involving ${actors.join(' and ')}` : '';
  const killed = item.figures.filter((f) => f.category === 'killed' && f.low !== f.high);
  const range = killed.map((f) => ` Fatality reports range from ${f.low} to ${f.high}.`).join('');
  const day = acledEventDate(i);
  const when = day === '' ? 'On a date no report states' : `On ${longDate(day)}`;
  return `${when}, ${what} reported${where}${who}.${range}`;
}

/**
 * One incident as an ACLED row: types from the Truce mapping, conservative fatalities, precision
 * codes 1–3, actor types and interaction, sources and a neutral note; the stable public id is
 * `event_id_cnty`.
 *
 * @example toAcledRow(item).fatalities // '1400' for "more than 1,400 killed"
 */
export function toAcledRow(item: ExportIncident): AcledRow {
  const i = item.incident;
  // An incident imported from ACLED keeps ACLED's coding; the rest is derived.
  return withKeptAcledFields(derivedAcledRow(item), item.acledKept, i.kind, i.acled.subEventType);
}

function derivedAcledRow(item: ExportIncident): AcledRow {
  const i = item.incident;
  const country = countryByCode(i.country);
  const type1 = actorType(i.actor1, i.country);
  const type2 = actorType(i.actor2, i.country);
  const eventDate = acledEventDate(i);
  const civilians = i.acled.eventType === 'Violence against civilians' || type2 === 'Civilians';
  return {
    event_id_cnty: i.publicId,
    event_date: eventDate,
    year: eventDate.slice(0, 4),
    time_precision: String(acledTimePrecision(i)),
    disorder_type: disorderType(i.acled.eventType, i.acled.subEventType),
    event_type: i.acled.eventType,
    sub_event_type: i.acled.subEventType,
    actor1: i.actor1 ?? '',
    assoc_actor_1: '',
    inter1: type1,
    actor2: i.actor2 ?? '',
    assoc_actor_2: '',
    inter2: type2,
    interaction: interaction(type1, type2, Boolean(i.actor1?.trim()) && Boolean(i.actor2?.trim())),
    civilian_targeting: civilians ? 'Civilians targeted' : '',
    iso: country ? String(country.numeric) : '',
    region: country?.region ?? '',
    country: country?.name ?? i.country ?? '',
    admin1: i.admin1 ?? '',
    admin2: '',
    admin3: '',
    location: i.placeName ?? '',
    latitude: fixed4(i.lat),
    longitude: fixed4(i.lon),
    geo_precision: String(acledGeoPrecision(i.geoPrecision)),
    source: sourceNames(item.sources),
    source_scale: '',
    notes: neutralNote(item),
    fatalities: String(acledFatalities(item.figures)),
    tags: `${KIND_TAG}${i.kind}`,
    timestamp: String(Math.floor(Date.parse(i.updatedAt) / 1000)),
  };
}
