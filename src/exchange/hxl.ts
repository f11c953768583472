import { acledEventDate } from './dates.js';
import type { ExportIncident } from './export-incidents.js';
import { sourceNames } from './acled.js';
import { combinedTotal } from '../record/casualty.js';
import { countryByCode } from '../world/countries.js';

/** The HXL export: a header row, then this hashtag row, then one row per incident. */
export const HXL_COLUMNS = [
  ['event_id', '#event+code'],
  ['event_type', '#event+type'],
  ['sub_event_type', '#event+type+sub'],
  ['kind', '#event+type+truce'],
  ['event_date', '#date+occurred'],
  ['country', '#country+code'],
  ['admin1', '#adm1+name'],
  ['location', '#loc+name'],
  ['latitude', '#geo+lat'],
  ['longitude', '#geo+lon'],
  ['killed_low', '#affected+killed+low'],
  ['killed_best', '#affected+killed+best'],
  ['killed_high', '#affected+killed+high'],
  ['injured_best', '#affected+injured+best'],
  ['actor1', '#group+name+first'],
  ['actor2', '#group+name+second'],
  ['source', '#meta+source'],
  ['url', '#meta+url'],
] as const;
export type HxlColumn = (typeof HXL_COLUMNS)[number][0];
export type HxlRow = Record<HxlColumn, string>;

/** The hashtag row, keyed by column, to write as the first data record. */
export const HXL_HASHTAG_ROW = Object.fromEntries(HXL_COLUMNS) as HxlRow;

const count = (n: number | undefined) => (n === undefined ? '' : String(n));

/**
 * One incident as an HXL-tagged row, totals by the record's one rule (`combinedTotal`). A figure
 * nobody reported is blank, not 0 (killed as injured). `+low`/`+best`/`+high` and `+truce` are
 * Truce's own attributes (HXL lets a publisher add any); the README says which tags are core.
 *
 * @example toHxlRow(item).killed_low // '1400'
 */
export function toHxlRow(item: ExportIncident): HxlRow {
  const i = item.incident;
  const killed = combinedTotal(item.figures, 'killed');
  const injured = combinedTotal(item.figures, 'injured');
  const url = item.sources.find((s) => s.url)?.url ?? '';
  return {
    event_id: i.publicId,
    event_type: i.acled.eventType,
    sub_event_type: i.acled.subEventType,
    kind: i.kind,
    event_date: acledEventDate(i),
    country: countryByCode(i.country)?.alpha3 ?? i.country ?? '',
    admin1: i.admin1 ?? '',
    location: i.placeName ?? '',
    latitude: i.lat === null ? '' : i.lat.toFixed(4),
    longitude: i.lon === null ? '' : i.lon.toFixed(4),
    killed_low: count(killed?.low),
    killed_best: count(killed?.best),
    killed_high: count(killed?.high),
    injured_best: count(injured?.best),
    actor1: i.actor1 ?? '',
    actor2: i.actor2 ?? '',
    source: sourceNames(item.sources),
    url,
  };
}
