import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { audited } from './audit-store.js';
import { signCheckpoint } from './checkpoint-store.js';
import { signerOf } from './keys.js';
import {
  COSIGNATURE_V1,
  cosign,
  encodeVerifierKey,
  parseNote,
  parseVerifierKey,
  rawPublicKey,
} from './note.js';
import { proofExport } from './proof-export.js';
import { verifyProofExport } from './proof-verify.js';
import { addCosignature, registerWitness } from './witness-store.js';

const now = new Date('2026-03-03T09:00:00Z');
const center = signerOf('truce.test/audit', generateKeyPairSync('ed25519').privateKey);
const witness = generateKeyPairSync('ed25519').privateKey;
const witnessVkey = encodeVerifierKey(
  'mission.example/w',
  COSIGNATURE_V1,
  rawPublicKey(createPublicKey(witness)),
);
const logKeys = [parseVerifierKey(center.vkey)];

/** Flips one byte of a string (its character at `at`, to another printable one). */
const flip = (text: string, at: number) =>
  text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);

describeEachDatabase('an export with proofs, verified offline', (t) => {
  it('verifies, cosigned, and names the incident whose record or entry had one byte flipped', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(
        (await createIncident(t.db, { actor: 'user:x' }, buildIncident({ actor1: null, actor2: null }))).id,
      );
    await audited(t.db, { actor: 'analyst:r' }, (w) =>
      w.update(
        'incidents',
        ids[2] as number,
        { status: 'confirmed' },
        { action: 'review', reason: 'two sources' },
      ),
    );
    const checkpoint = await signCheckpoint(t.db, center, () => now);
    await registerWitness(t.db, { vkey: witnessVkey, addedBy: 'admin:test', now });
    const body = parseNote(checkpoint.note).body;
    await addCosignature(t.db, {
      body,
      line: cosign(body, 'mission.example/w', witness, 1_770_000_000),
      now,
    });

    const document = JSON.parse(JSON.stringify(await proofExport(t.db, ids))) as {
      incidents: { id: number; record: Record<string, unknown>; audit: { reason: string | null }[] }[];
    };
    expect(document.incidents).toHaveLength(5);
    const good = await verifyProofExport(document, logKeys, [parseVerifierKey(witnessVkey)]);
    expect(good).toMatchObject({ ok: true, cosignedBy: ['mission.example/w'], incidents: 5 });

    for (const k of [0, 2, 4]) {
      const bad = structuredClone(document);
      const target = bad.incidents[k] as (typeof bad.incidents)[number];
      target.record.title = flip(String(target.record.title), 3);
      const report = await verifyProofExport(bad, logKeys, []);
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.incident)).toEqual([ids[k]]);
      expect(report.problems[0]?.message).toMatch(new RegExp(`^incident ${ids[k]}: its record differs`));
    }
    const edited = structuredClone(document);
    const review = edited.incidents[2]?.audit.at(-1) as { reason: string };
    review.reason = flip(review.reason, 0);
    expect((await verifyProofExport(edited, logKeys, [])).problems).toEqual([
      { incident: ids[2], message: expect.stringMatching(/does not match its hash/) },
    ]);
    const otherKey = [
      parseVerifierKey(signerOf('truce.test/audit', generateKeyPairSync('ed25519').privateKey).vkey),
    ];
    expect((await verifyProofExport(document, otherKey, [])).ok).toBe(false);
  });
});
