import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson as serverCanonical, chainEntry, GENESIS_HASH } from './chain.js';
import { leafHash, nodeHash } from './merkle.js';
import { COSIGNATURE_V1, encodeVerifierKey, rawPublicKey } from './note.js';
import { signerOf } from './keys.js';
import {
  base64Decode,
  base64Encode,
  canonicalJson,
  entryHash,
  parseKey,
  verifyInclusionProof,
} from './verify-core.js';

/** RFC 6962 §2.1 MTH and §2.1.1 PATH, by the recursion the RFC states. */
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
const merkleRoot = (leaves: readonly Buffer[]): Buffer =>
  leaves.length === 1
    ? (leaves[0] as Buffer)
    : nodeHash(
        merkleRoot(leaves.slice(0, split(leaves.length))),
        merkleRoot(leaves.slice(split(leaves.length))),
      );
const inclusionProof = (leaves: readonly Buffer[], m: number): Buffer[] => {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...inclusionProof(leaves.slice(0, k), m), merkleRoot(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), m - k), merkleRoot(leaves.slice(0, k))];
};

describe('the isomorphic export check (verify-core)', () => {
  it('imports nothing, so the web app bundles it unchanged', () => {
    expect(readFileSync(new URL('./verify-core.ts', import.meta.url), 'utf8')).not.toMatch(/^\s*import\s/m);
  });

  it('encodes and strictly decodes base64 as Node does', () => {
    for (let n = 0; n < 40; n += 1) {
      const bytes = randomBytes(n);
      const text = Buffer.from(bytes).toString('base64');
      expect(base64Encode(bytes)).toBe(text);
      expect(Buffer.from(base64Decode(text) ?? [])).toEqual(bytes);
    }
    expect(base64Decode('QQ')).toBeNull(); // unpadded
    expect(base64Decode('QR==')).toBeNull(); // non-canonical trailing bits
    expect(base64Decode('Q!==')).toBeNull();
  });

  it("recomputes the server's entry hashes and canonical JSON", async () => {
    const value = { b: [1, 'x', null, { d: true, c: 2.5 }], a: 'é' };
    expect(canonicalJson(value)).toBe(serverCanonical(value));
    const entry = chainEntry(
      { seq: 0, hash: GENESIS_HASH },
      {
        at: '2026-01-01T00:00:00.000Z',
        actor: 'user:a',
        action: 'create',
        entityType: 'incidents',
        entityId: '7',
        before: null,
        after: '{"id":7}',
        reason: 'a reason',
      },
    );
    expect(await entryHash(entry.prevHash, entry)).toBe(entry.hash);
    expect(await entryHash(entry.prevHash, { ...entry, reason: 'a reason!' })).not.toBe(entry.hash);
  });

  it("accepts the server's inclusion proofs for every leaf of trees of 1 to 17 leaves, and no altered one", async () => {
    for (let size = 1; size <= 17; size += 1) {
      const leaves = Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
      const root = merkleRoot(leaves);
      for (let i = 0; i < size; i += 1) {
        const proof = inclusionProof(leaves, i);
        expect(await verifyInclusionProof(i, size, leaves[i]!, proof, root)).toBe(true);
        if (size > 1)
          expect(await verifyInclusionProof((i + 1) % size, size, leaves[i]!, proof, root)).toBe(false);
      }
    }
  });

  it('parses verifier keys and refuses one whose key id does not match', async () => {
    const center = signerOf('center.example/log', generateKeyPairSync('ed25519').privateKey);
    const key = await parseKey(center.vkey);
    expect(key).toMatchObject({ name: 'center.example/log', type: 1 });
    const witness = encodeVerifierKey(
      'w.example',
      COSIGNATURE_V1,
      rawPublicKey(createPublicKey(generateKeyPairSync('ed25519').privateKey)),
    );
    expect((await parseKey(witness)).type).toBe(COSIGNATURE_V1);
    const renamed = center.vkey.replace('center.example/log', 'other.example/log');
    await expect(parseKey(renamed)).rejects.toThrow(/key id does not match/);
    await expect(parseKey('nonsense')).rejects.toThrow(/expected name\+keyid\+base64key/);
  });
});
