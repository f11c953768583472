import type { VerifierKey } from './note.js';
import { verifyExport, type ExportReport } from './verify-core.js';

export type { ExportReport, IncidentResult } from './verify-core.js';

/**
 * Checks an export with proofs with no database (`truce verify`): the same isomorphic check the
 * web app's Verify page runs in the browser (verify-core.ts, WebCrypto only). A note.ts verifier
 * key is a core key as it is (its Buffers are Uint8Arrays).
 */
export function verifyProofExport(
  document: unknown,
  logKeys: readonly VerifierKey[],
  witnessKeys: readonly VerifierKey[],
): Promise<ExportReport> {
  return verifyExport(document, logKeys, witnessKeys);
}
