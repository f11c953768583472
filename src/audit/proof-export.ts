import { filteredIncidents, type ExportFilters } from '../exchange/export-filters.js';
import type { Db } from '../platform/db/dialect.js';
import type { IncidentStatus } from '../record/taxonomy.js';
import { invalid } from '../platform/errors.js';
import { entryOfRow } from './audit-store.js';
import type { ChainedEntry } from './chain.js';
import { latestCheckpoint } from './checkpoint-store.js';
import { inclusionProof } from './tree-store.js';
import { PROOF_EXPORT_FORMAT } from './verify-core.js';
import { cosignaturesOf, withCosignatures } from './witness-store.js';

/** The document `truce export --format json --proofs` writes and `truce verify` reads. */
export { PROOF_EXPORT_FORMAT };

export interface ExportedEntry extends ChainedEntry {
  /** The RFC 6962 inclusion proof of this entry in the checkpoint's tree, base64 hashes. */
  readonly proof: string[];
}

export interface ExportedIncident {
  readonly id: number;
  /** The incident as its last audit entry records it (the audited image). */
  readonly record: unknown;
  readonly audit: ExportedEntry[];
}

export interface ProofExport {
  readonly format: typeof PROOF_EXPORT_FORMAT;
  /** The signed note with its cosignature lines. */
  readonly checkpoint: string;
  readonly size: number;
  readonly incidents: ExportedIncident[];
}

const MAX_INCIDENTS = 100_000;

/**
 * Per incident: every audit entry on it up to the latest checkpoint, in full, each with its
 * inclusion proof in that checkpoint's tree, and the incident as the last entry records it.
 * Changes after the checkpoint are left out (sign a checkpoint first to include them).
 */
export async function proofExport(db: Db, incidentIds: readonly number[]): Promise<ProofExport> {
  if (incidentIds.length > MAX_INCIDENTS)
    throw invalid('incidents', `at most ${MAX_INCIDENTS} per export with proofs`);
  const checkpoint = await latestCheckpoint(db);
  if (!checkpoint) throw invalid('checkpoint', 'no checkpoint signed yet: run truce audit checkpoint');
  const cosigned = await cosignaturesOf(db, [checkpoint.id]);
  const incidents: ExportedIncident[] = [];
  for (const id of incidentIds) {
    const rows = await db
      .selectFrom('audit_entries')
      .selectAll()
      .where('entity_type', '=', 'incidents')
      .where('entity_id', '=', String(id))
      .where('seq', '<=', checkpoint.size)
      .orderBy('seq')
      .execute();
    if (rows.length === 0) continue;
    const audit: ExportedEntry[] = [];
    for (const r of rows) {
      const proof = await inclusionProof(db, Number(r.seq), checkpoint.size);
      audit.push({
        ...entryOfRow(r),
        proof: proof.path.map((h) => h.toString('base64')),
      });
    }
    const last = audit[audit.length - 1] as ExportedEntry;
    incidents.push({ id, record: last.after === null ? null : JSON.parse(last.after), audit });
  }
  return {
    format: PROOF_EXPORT_FORMAT,
    checkpoint: withCosignatures(checkpoint, cosigned.get(checkpoint.id) ?? []).note,
    size: checkpoint.size,
    incidents,
  };
}

/**
 * The export with proofs of the incidents the filters select, as the text `truce export --format
 * json --proofs` writes and `/api/export?format=json&proofs=1` sends: one function, one document.
 */
export async function proofExportText(
  db: Db,
  filters: ExportFilters,
  statuses: readonly IncidentStatus[],
): Promise<string> {
  const rows = await filteredIncidents(db, filters, statuses)
    .select('incidents.id')
    .orderBy('incidents.id')
    .execute();
  const document = await proofExport(
    db,
    rows.map((r) => Number(r.id)),
  );
  return `${JSON.stringify(document, null, 1)}\n`;
}
