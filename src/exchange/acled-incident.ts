import type { NewRow } from '../platform/db/schema.js';
import type { DatePrecision, IncidentStatus, PlacePrecision } from '../vocabulary/index.js';
import { kindOfRow, type AcledRowInput } from './acled-row.js';
import { countryByNameOrNumber } from './countries.js';

/** A parsed ACLED row with its position in the file and its original cells. */
export interface ImportedRow {
  readonly row: number;
  readonly input: AcledRowInput;
  readonly raw: Readonly<Record<string, string>>;
}

/** ACLED's precision codes read back as the vocabulary's precisions (the inverse of the export's). */
const DATE_PRECISION = { '1': 'day', '2': 'week', '3': 'month' } as const satisfies Record<
  string,
  DatePrecision
>;
const GEO_PRECISION = { '1': 'exact', '2': 'near', '3': 'region' } as const satisfies Record<
  string,
  PlacePrecision
>;

/**
 * The incidents row for an ACLED row: its `event_id_cnty` becomes the stable public id, ACLED's
 * own coding (event and sub-event type) is kept as given, and the kind is read from it.
 *
 * @example incidentRowOf(row, { at: '2024-01-01T00:00:00.000Z' }).public_id // 'ARM123'
 */
export function incidentRowOf(
  r: ImportedRow,
  options: { at: string; status?: IncidentStatus | undefined },
): NewRow<'incidents'> {
  const i = r.input;
  const kind = kindOfRow(i.sub_event_type, i.tags);
  const place = i.location || null;
  return {
    public_id: i.event_id_cnty,
    kind,
    acled_event_type: i.event_type,
    acled_sub_event_type: i.sub_event_type,
    title: titleOf(kind, place),
    summary: i.notes || null,
    date_start: i.event_date,
    date_end: i.event_date,
    date_precision: DATE_PRECISION[i.time_precision],
    place_name: place,
    country: countryByNameOrNumber(i.country, i.iso)?.alpha2 ?? null,
    admin1: i.admin1 || null,
    lat: i.latitude,
    lon: i.longitude,
    geo_precision: GEO_PRECISION[i.geo_precision],
    actor1: i.actor1 || null,
    actor2: i.actor2 || null,
    status: options.status ?? 'candidate',
    version: 1,
    created_at: options.at,
    updated_at: options.at,
  };
}

function titleOf(kind: string, place: string | null): string {
  const label = kind.replaceAll('_', ' ');
  const capital = label.charAt(0).toUpperCase() + label.slice(1);
  return place ? `${capital} — ${place}` : capital;
}
