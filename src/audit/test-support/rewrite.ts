import type { Db } from '../../platform/db/dialect.js';
import { GENESIS_HASH, hashEntry, type AuditEntry } from '../chain.js';
import { appendLeaf, encodeFrontier, type Hash } from '../merkle.js';

/**
 * What whoever holds the database can do: rewrite the whole chain from the entries left (numbered
 * 1..n again, every hash recomputed), rebuild the Merkle tree from it and move the head, so that
 * `verifyAudit` finds nothing. `edit` changes entries on the way.
 */
export async function rewriteHistory(
  db: Db,
  edit: (entries: AuditEntry[]) => AuditEntry[] = (e) => e,
): Promise<void> {
  const rows = await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
  const entries = edit(
    rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      reason: r.reason,
    })),
  );
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('audit_entries').execute();
    await trx.deleteFrom('audit_tree_nodes').execute();
    let prev = GENESIS_HASH;
    let frontier: Hash[] = [];
    for (const [i, e] of entries.entries()) {
      const entry = { ...e, seq: i + 1 };
      const hash = hashEntry(prev, entry);
      await trx
        .insertInto('audit_entries')
        .values({
          seq: entry.seq,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          before: entry.before,
          after: entry.after,
          reason: entry.reason,
          prev_hash: prev,
          hash,
        })
        .execute();
      const step = appendLeaf(frontier, i, Buffer.from(hash, 'hex'));
      frontier = step.frontier;
      for (const n of step.nodes)
        await trx
          .insertInto('audit_tree_nodes')
          .values({ level: n.id.level, idx: n.id.index, hash: n.hash.toString('hex') })
          .execute();
      prev = hash;
    }
    await trx
      .updateTable('audit_head')
      .set({ seq: entries.length, hash: prev, frontier: encodeFrontier(frontier) })
      .where('id', '=', 1)
      .execute();
  });
}
