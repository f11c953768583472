import type { Db } from '../platform/db/dialect.js';
import type { AcledRow } from './acled.js';
import { KIND_OF_SUB_EVENT, KIND_TAG } from './acled-kinds.js';
import { KEPT_ACLED_COLUMNS, type KeptAcledColumn } from './acled-row.js';

/** ACLED's own coding of an imported incident, as the import kept it (`incidents.acled_*`). */
export type KeptAcledFields = Readonly<Record<KeptAcledColumn, string | null>>;

const KEPT_COLUMNS = KEPT_ACLED_COLUMNS.map((c) => `acled_${c}` as const);

/**
 * The kept ACLED coding of each incident that has one (imported incidents), for an export page.
 *
 * @example (await keptAcledFields(db, [1, 2])).get(1)?.inter1 // '2'
 */
export async function keptAcledFields(
  db: Db,
  incidentIds: readonly number[],
): Promise<Map<number, KeptAcledFields>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('incidents')
    .select(['id', ...KEPT_COLUMNS])
    .where('id', 'in', [...incidentIds])
    .execute();
  const out = new Map<number, KeptAcledFields>();
  for (const row of rows) {
    if (KEPT_COLUMNS.every((c) => row[c] === null)) continue;
    const kept = Object.fromEntries(KEPT_ACLED_COLUMNS.map((c) => [c, row[`acled_${c}`]]));
    out.set(Number(row.id), kept as KeptAcledFields);
  }
  return out;
}

/**
 * An ACLED export row with the coding the incident was imported with written back unchanged
 * where it has one, and Truce's derivation only where it has none. ACLED's `tags` are kept; the
 * Truce kind is added to them only when it is not the one the sub-event type reads as (an
 * analyst re-kinded the incident), so an untouched import exports exactly as it came in.
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
  if (kind === implied && !(tags ?? '').includes(KIND_TAG)) return tags ?? '';
  const own = (tags ?? '')
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '' && !t.startsWith(KIND_TAG));
  return [...own, ...(kind === implied ? [] : [`${KIND_TAG}${kind}`])].join('; ');
}
