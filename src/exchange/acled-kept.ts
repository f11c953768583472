import type { Row } from '../platform/db/schema.js';
import type { AcledRow } from './acled.js';
import { KIND_OF_SUB_EVENT, KIND_TAG } from './acled-kinds.js';
import { KEPT_ACLED_COLUMNS, type KeptAcledColumn } from './acled-row.js';

/** ACLED's own coding of an imported incident, as the import kept it (`incidents.acled_*`). */
export type KeptAcledFields = Readonly<Record<KeptAcledColumn, string | null>>;

const KEPT_COLUMNS = KEPT_ACLED_COLUMNS.map((c) => `acled_${c}` as const);

/**
 * The kept ACLED coding on an incidents row, or undefined when it has none (not imported from ACLED).
 *
 * @example keptAcledFieldsOf(row)?.inter1 // '2'
 */
export function keptAcledFieldsOf(row: Readonly<Row<'incidents'>>): KeptAcledFields | undefined {
  if (KEPT_COLUMNS.every((c) => row[c] === null || row[c] === undefined)) return undefined;
  const kept = Object.fromEntries(KEPT_ACLED_COLUMNS.map((c) => [c, row[`acled_${c}`] ?? null]));
  return kept as KeptAcledFields;
}

/**
 * An ACLED export row with the coding the incident was imported with written back unchanged
 * where it has one, and Truce's derivation only where it has none. ACLED's `tags` are kept; the
 * Truce kind is added to them only when it is not the one the sub-event type reads as (an
 * analyst re-kinded the incident) or the file already carried one, so an untouched import
 * exports exactly as it came in.
 *
 * @example withKeptAcledFields(derived, kept, 'other', 'Disrupted weapons use').inter1 // kept.inter1
 */
export function withKeptAcledFields(
  derived: AcledRow,
  kept: KeptAcledFields | undefined,
  kind: string,
  subEventType: string,
): AcledRow {
  if (!kept) return derived;
  const out: AcledRow = { ...derived };
  for (const column of KEPT_ACLED_COLUMNS) {
    const value = kept[column];
    if (value !== null) out[column] = value;
  }
  out.tags = tagsWithKind(kept.tags, kind, subEventType);
  return out;
}

function tagsWithKind(tags: string | null, kind: string, subEventType: string): string {
  const implied = KIND_OF_SUB_EVENT[subEventType] ?? 'other';
  const tagged = (tags ?? '').includes(KIND_TAG);
  if (kind === implied && !tagged) return tags ?? '';
  const own = (tags ?? '')
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '' && !t.startsWith(KIND_TAG));
  // A file that carried a Truce kind (a Truce export) carries it again, with the current kind.
  return [...own, ...(kind === implied && !tagged ? [] : [`${KIND_TAG}${kind}`])].join('; ');
}
