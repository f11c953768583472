import { Migrator, type Migration } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import * as m0001 from '../platform/db/migrations/0001-record.js';
import * as m0002 from '../platform/db/migrations/0002-agreement.js';
import * as m0003 from '../platform/db/migrations/0003-workflow.js';
import * as m0004 from '../platform/db/migrations/0004-exchange.js';
import * as m0005 from '../platform/db/migrations/0005-accounts.js';
import * as m0006 from '../platform/db/migrations/0006-exchange-indexes.js';
import * as m0007 from '../platform/db/migrations/0007-incident-parties.js';
import * as m0008 from '../platform/db/migrations/0008-credentials.js';
import * as m0009 from '../platform/db/migrations/0009-acled-fields.js';
import { GENESIS_HASH, chainEntry } from './chain.js';
import { EMPTY_ROOT, leafHash, nodeHash } from './merkle.js';
import { readTreeHead } from './tree-store.js';

const BEFORE_TREE: Record<string, Migration> = {
  '0001-record': m0001,
  '0002-agreement': m0002,
  '0003-workflow': m0003,
  '0004-exchange': m0004,
  '0005-accounts': m0005,
  '0006-exchange-indexes': m0006,
  '0007-incident-parties': m0007,
  '0008-credentials': m0008,
  '0009-acled-fields': m0009,
};

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
        rows.push({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId,
          before: e.before,
          after: e.after,
          reason: e.reason,
          prev_hash: e.prevHash,
          hash: e.hash,
        });
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
