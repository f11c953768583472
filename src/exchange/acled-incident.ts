import type { NewRow } from '../platform/db/schema.js';
import type { DatePrecision, IncidentStatus, PlacePrecision } from '../vocabulary/index.js';
import { countryByNameOrNumber } from '../world/countries.js';
import { KEPT_ACLED_COLUMNS, kindOfRow, type AcledRowInput, type KeptAcledColumn } from './acled-row.js';

/** A parsed ACLED row with its position in the file and its original cells. */
export interface ImportedRow {
  readonly row: number;
  readonly line: number;
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
 * own coding (event and sub-event type, actor types, interaction, admin areas, tags…) is kept as
 * given, the kind is read from it, and the country is found in the world table by name or ISO
 * number.
 *
 * @example incidentRowOf(row, { at: '2024-01-01T00:00:00.000Z' }).public_id // 'ARM123'
 */
export function incidentRowOf(
  r: ImportedRow,
  options: { at: string; status?: IncidentStatus | undefined },
): NewRow<'incidents'> {
  const i = r.input;
  const place = i.location || null;
  return {
    public_id: i.event_id_cnty,
    kind: kindOfRow(i.sub_event_type, i.tags),
    acled_event_type: i.event_type,
    acled_sub_event_type: i.sub_event_type,
    title: place ? `${i.sub_event_type} — ${place}` : i.sub_event_type,
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
    ...keptColumnsOf(r),
  };
}

/**
 * ACLED's own coding of the row, kept on the incident as given: a column the file has is kept
 * even when empty or `NA` (as ''), so the export writes it back empty; a column the file lacks
 * is null, and the export derives it.
 */
function keptColumnsOf(r: ImportedRow): Partial<NewRow<'incidents'>> {
  const out: Partial<Record<`acled_${KeptAcledColumn}`, string | null>> = {};
  for (const [column, key] of KEPT_KEYS) out[key] = Object.hasOwn(r.raw, column) ? r.input[column] : null;
  return out;
}

/** Each kept column with the incidents column that keeps it, computed once rather than per row. */
const KEPT_KEYS = KEPT_ACLED_COLUMNS.map((column) => [column, `acled_${column}`] as const);
