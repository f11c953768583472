import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { chainEntry, type ChainedEntry } from './chain.js';
import { appendEntries, lockHead } from './audit-store.js';
import {
  leafHash,
  verifyConsistency,
  verifyInclusion,
  nodeHash,
  EMPTY_ROOT,
  STORED_LEVEL,
} from './merkle.js';
import { consistencyProof, inclusionProof, readTreeHead, rootAt } from './tree-store.js';

/** MTH by the RFC recursion over the stored entry hashes, independent of the stored tree. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leafHash(leaves[0] as Buffer);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describeEachDatabase('the audit Merkle tree in the database', (t) => {
  it('grows with every audited write and proves every entry and every pair of sizes', async () => {
    for (let i = 0; i < 4; i += 1)
      await createIncident(t.db, { actor: 'user:tree' }, buildIncident({ actor1: null, actor2: null }));
    const entries = await t.db.selectFrom('audit_entries').select('hash').orderBy('seq').execute();
    const leaves = entries.map((e) => Buffer.from(e.hash, 'hex'));
    const head = await readTreeHead(t.db);
    expect(head.size).toBe(leaves.length);
    expect(head.root.toString('hex')).toBe(mth(leaves).toString('hex'));
    for (let size = 1; size <= leaves.length; size += 1) {
      const root = mth(leaves.slice(0, size));
      expect((await rootAt(t.db, size)).equals(root)).toBe(true);
      for (let entry = 1; entry <= size; entry += 1) {
        const proof = await inclusionProof(t.db, entry, size);
        expect(verifyInclusion(entry - 1, size, proof.leafHash, proof.path, root)).toBe(true);
      }
      const old = mth(leaves.slice(0, Math.ceil(size / 2)));
      const proof = await consistencyProof(t.db, Math.ceil(size / 2), size);
      expect(verifyConsistency(Math.ceil(size / 2), size, old, root, proof)).toBe(true);
    }
  });

  it('refuses proofs for entries or sizes the log does not have', async () => {
    const { size } = await readTreeHead(t.db);
    await expect(inclusionProof(t.db, size + 1)).rejects.toThrow(/entry/);
    await expect(inclusionProof(t.db, 1, size + 5)).rejects.toThrow(/size/);
    await expect(consistencyProof(t.db, 3, size + 1)).rejects.toThrow(/to/);
  });
});

describeEachDatabase('audit verify and the stored tree', (t) => {
  it("flags the stored tree's border (its root) changed behind the application", async () => {
    const { verifyAudit } = await import('./verify.js');
    for (let i = 0; i < 3; i += 1)
      await createIncident(t.db, { actor: 'user:tree' }, buildIncident({ actor1: null, actor2: null }));
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const head = await t.db.selectFrom('audit_head').select('frontier').executeTakeFirstOrThrow();
    const forged = (head.frontier ?? '').replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await t.db.updateTable('audit_head').set({ frontier: forged }).execute();
    const report = await verifyAudit(t.db);
    expect(report.problems.map((p) => p.kind)).toEqual(['tree_mismatch']);
  });
});

describeEachDatabase('the audit Merkle tree past its stored level', (t) => {
  it('stores only complete subtrees of 64 leaves and more, and still proves every entry and size', async () => {
    // 333 entries in uneven transactions, so blocks of 64 fill across commits and one stays partial.
    for (const n of [1, 70, 2, 64, 130, 66]) {
      await t.db.transaction().execute(async (trx) => {
        const head = await lockHead(trx);
        const batch: ChainedEntry[] = [];
        let prev = { seq: head.seq, hash: head.hash };
        for (let i = 0; i < n; i += 1) {
          const e = chainEntry(prev, {
            at: '2026-01-01T00:00:00.000Z',
            actor: 'system:test',
            action: 'create',
            entityType: 'notes',
            entityId: String(prev.seq + 1),
            before: null,
            after: null,
            reason: null,
          });
          batch.push(e);
          prev = e;
        }
        await appendEntries(trx, head, batch);
      });
    }
    const entries = await t.db.selectFrom('audit_entries').select('hash').orderBy('seq').execute();
    const leaves = entries.map((e) => Buffer.from(e.hash, 'hex'));
    const n = leaves.length;
    const stored = await t.db.selectFrom('audit_tree_nodes').select(['level', 'idx']).execute();
    expect(Math.min(...stored.map((r) => r.level))).toBe(STORED_LEVEL);
    // One row per complete subtree of 2^level leaves, for each level from STORED_LEVEL up.
    let expected = 0;
    for (let level = STORED_LEVEL; 2 ** level <= n; level += 1) expected += Math.floor(n / 2 ** level);
    expect(stored.length).toBe(expected);

    const root = mth(leaves);
    expect((await readTreeHead(t.db)).root.equals(root)).toBe(true);
    for (let entry = 1; entry <= n; entry += 7) {
      const proof = await inclusionProof(t.db, entry);
      expect(verifyInclusion(entry - 1, n, proof.leafHash, proof.path, root)).toBe(true);
    }
    for (const size of [1, 63, 64, 65, 128, 200, 256, 300, n]) {
      const at = mth(leaves.slice(0, size));
      expect((await rootAt(t.db, size)).equals(at)).toBe(true);
      for (const from of [1, 5, 64, 100, size]) {
        if (from > size) continue;
        const proof = await consistencyProof(t.db, from, size);
        expect(verifyConsistency(from, size, mth(leaves.slice(0, from)), at, proof)).toBe(true);
      }
      const proof = await inclusionProof(t.db, size, size);
      expect(verifyInclusion(size - 1, size, proof.leafHash, proof.path, at)).toBe(true);
    }
  });

  it('names the missing entry hash a proof needs instead of proving from a gap', async () => {
    const { size } = await readTreeHead(t.db);
    await t.db
      .deleteFrom('audit_entries')
      .where('seq', '=', size - 1)
      .execute();
    await expect(consistencyProof(t.db, size - 2, size)).rejects.toThrow(/missing/);
  });
});
