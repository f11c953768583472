import { canonicalJson, hashEntry, type Json } from './chain.js';
import { leafHash, verifyInclusion } from './merkle.js';
import { cosignatureTime, noteSignedBy, parseCheckpointBody, parseNote, type VerifierKey } from './note.js';
import { PROOF_EXPORT_FORMAT } from './proof-export.js';

export interface ExportReport {
  readonly ok: boolean;
  readonly checkpoint: { origin: string; size: number } | null;
  /** Witnesses among those given whose cosignature of the checkpoint is valid. */
  readonly cosignedBy: string[];
  readonly incidents: number;
  readonly problems: { incident: number | null; message: string }[];
}

const MAX_PROBLEMS = 100;

/**
 * Checks an export with proofs with no database: the checkpoint's signature by the log's key,
 * the given witnesses' cosignatures, and per incident that every entry's hash recomputes from its
 * content, is in the checkpoint's tree (inclusion proof), is about that incident, and that the
 * incident's record is what its last entry recorded. Names each incident that fails.
 */
export function verifyProofExport(
  document: unknown,
  logKeys: readonly VerifierKey[],
  witnessKeys: readonly VerifierKey[],
): ExportReport {
  const problems: { incident: number | null; message: string }[] = [];
  const fail = (message: string): ExportReport => ({
    ok: false,
    checkpoint: null,
    cosignedBy: [],
    incidents: 0,
    problems: [{ incident: null, message }],
  });
  const doc = document as { format?: unknown; checkpoint?: unknown; incidents?: unknown };
  if (
    doc?.format !== PROOF_EXPORT_FORMAT ||
    typeof doc.checkpoint !== 'string' ||
    !Array.isArray(doc.incidents)
  )
    return fail(`not a ${PROOF_EXPORT_FORMAT} document`);
  let note;
  let checkpoint;
  try {
    note = parseNote(doc.checkpoint);
    checkpoint = parseCheckpointBody(note.body.split('\n').slice(0, 3).join('\n') + '\n');
  } catch (error) {
    return fail(`the checkpoint cannot be read: ${(error as Error).message}`);
  }
  if (!logKeys.some((k) => noteSignedBy(note, k)))
    return fail("the checkpoint is not signed by the log's key");
  const cosignedBy = witnessKeys
    .filter((k) => note.signatures.some((s) => cosignatureTime(note.body, s, k) !== null))
    .map((k) => k.name);
  for (const raw of doc.incidents as unknown[]) {
    const incident = raw as { id?: unknown; record?: unknown; audit?: unknown };
    const id = typeof incident.id === 'number' ? incident.id : null;
    const problem = incidentProblem(incident, checkpoint.size, checkpoint.root);
    if (problem && problems.length < MAX_PROBLEMS)
      problems.push({ incident: id, message: `incident ${id ?? '?'}: ${problem}` });
  }
  return {
    ok: problems.length === 0,
    checkpoint: { origin: checkpoint.origin, size: checkpoint.size },
    cosignedBy,
    incidents: doc.incidents.length,
    problems,
  };
}

function incidentProblem(
  incident: { id?: unknown; record?: unknown; audit?: unknown },
  size: number,
  root: Buffer,
): string | null {
  if (typeof incident.id !== 'number' || !Array.isArray(incident.audit) || incident.audit.length === 0)
    return 'no id or no audit entries';
  let last: string | null = null;
  for (const raw of incident.audit as Record<string, unknown>[]) {
    const e = raw as {
      seq: number;
      at: string;
      actor: string;
      action: string;
      entityType: string;
      entityId: string;
      before: string | null;
      after: string | null;
      reason: string | null;
      prevHash: string;
      hash: string;
      proof: string[];
    };
    if (e.entityType !== 'incidents' || e.entityId !== String(incident.id))
      return `entry ${e.seq} is about another entity`;
    if (typeof e.prevHash !== 'string' || hashEntry(e.prevHash, e) !== e.hash)
      return `entry ${e.seq} does not match its hash: it was altered`;
    if (!Array.isArray(e.proof) || !Number.isSafeInteger(e.seq)) return `entry ${e.seq} has no proof`;
    const path = e.proof.map((p) => Buffer.from(String(p), 'base64'));
    if (!verifyInclusion(e.seq - 1, size, leafHash(Buffer.from(e.hash, 'hex')), path, root))
      return `entry ${e.seq} is not in the checkpoint's tree`;
    last = e.after;
  }
  const record = incident.record === null ? null : canonicalJson(incident.record as Json);
  if (record !== last) return 'its record differs from what its last audit entry records';
  return null;
}
