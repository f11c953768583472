import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { Db } from '../../platform/db/dialect.js';
import { signCheckpoint } from '../checkpoint-store.js';
import { signerOf } from '../keys.js';
import { COSIGNATURE_V1, cosign, encodeVerifierKey, parseNote, rawPublicKey } from '../note.js';
import { registerWitness } from '../witness-store.js';

/** A signed checkpoint of the record as it is, a registered witness, and a cosignature to post. */
export async function seedCheckpoint(db: Db, now: Date): Promise<{ body: string; line: string }> {
  const center = signerOf('truce.contract/audit', generateKeyPairSync('ed25519').privateKey);
  const checkpoint = await signCheckpoint(db, center, () => now);
  const witnessKey = generateKeyPairSync('ed25519').privateKey;
  const name = 'witness.contract/w1';
  await registerWitness(db, {
    vkey: encodeVerifierKey(name, COSIGNATURE_V1, rawPublicKey(createPublicKey(witnessKey))),
    addedBy: 'system:contract',
    now,
  });
  const body = parseNote(checkpoint.note).body;
  return { body, line: cosign(body, name, witnessKey, Math.floor(now.getTime() / 1000)) };
}
