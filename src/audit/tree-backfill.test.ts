import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { migrateToLatest, migrationsBefore } from '../platform/db/migrate.js';
import { entryRow } from './audit-store.js';
import { GENESIS_HASH, chainEntry } from './chain.js';
import { EMPTY_ROOT, leafHash, nodeHash } from './merkle.js';
import { readTreeHead } from './tree-store.js';

const BEFORE_TREE = migrationsBefore('0011-audit-tree');

function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leafHash(leaves[0] as Buffer);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describeEachDatabase(
  'migration 0011 on a log that predates the tree',
  (t) => {
    it('backfills the tree of the existing entries (more than one page)', async () => {
      const old = new Migrator({ db: t.db, provider: { getMigrations: async () => BEFORE_TREE } });
      const { error } = await old.migrateToLatest();
      expect(error).toBeUndefined();
      // 2,300 entries written as the chain wrote them before the tree existed (more than a page).
      let head = { seq: 0, hash: GENESIS_HASH };
      const rows = [];
      for (let i = 0; i < 2300; i += 1) {
        const e = chainEntry(head, {
          at: '2026-01-01T00:00:00.000Z',
          actor: 'system:test',
          action: 'create',
          entityType: 'notes',
          entityId: String(i),
          before: null,
          after: `{"n":${i}}`,
          reason: null,
        });
        rows.push(entryRow(e));
        head = { seq: e.seq, hash: e.hash };
      }
      for (let i = 0; i < rows.length; i += 500)
        await t.db
          .insertInto('audit_entries')
          .values(rows.slice(i, i + 500))
          .execute();
      await t.db
        .updateTable('audit_head')
        .set({ seq: head.seq, hash: head.hash })
        .where('id', '=', 1)
        .execute();

      const outcome = await migrateToLatest(t.db);
      expect(outcome.error).toBeNull();
      const tree = await readTreeHead(t.db);
      expect(tree.size).toBe(2300);
      expect(tree.root.equals(mth(rows.map((r) => Buffer.from(r.hash, 'hex'))))).toBe(true);
    });
  },
  { migrated: false },
);
