import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../platform/db/dialect.js';
import type { Database } from '../platform/db/schema.js';
import { invalid } from '../platform/errors.js';
import {
  appendLeaf,
  consistencyRanges,
  decodeFrontier,
  encodeFrontier,
  frontierRoot,
  inclusionRanges,
  leafHash,
  nodeKey,
  nodesOf,
  rangeHash,
  type Hash,
  type NodeId,
  type Range,
} from './merkle.js';

const NODE_BATCH = 2000;

/**
 * Appends the Merkle leaves of entries just chained (in seq order, the first being leaf
 * `firstIndex`) inside the writer's transaction: the new perfect subtrees and the new frontier.
 * The head row is already locked by the writer, so appends never interleave.
 */
export async function appendTreeLeaves(
  trx: Transaction<Database>,
  firstIndex: number,
  entryHashes: readonly string[],
): Promise<void> {
  if (entryHashes.length === 0) return;
  // `select *`, so that a migration older than 0011 writing through the chain (0007's backfill)
  // finds no frontier column and leaves the tree to 0011, which builds it from every entry.
  const found = await sql<{ frontier?: string | null }>`select * from audit_head where id = 1`.execute(trx);
  const head = found.rows[0];
  if (!head || !('frontier' in head)) return;
  let frontier = decodeFrontier(head.frontier ?? null);
  const rows: { level: number; idx: number; hash: string }[] = [];
  entryHashes.forEach((hash, i) => {
    const step = appendLeaf(frontier, firstIndex + i, Buffer.from(hash, 'hex'));
    frontier = step.frontier;
    for (const n of step.nodes)
      rows.push({ level: n.id.level, idx: n.id.index, hash: n.hash.toString('hex') });
  });
  for (let i = 0; i < rows.length; i += NODE_BATCH)
    await trx
      .insertInto('audit_tree_nodes')
      .values(rows.slice(i, i + NODE_BATCH))
      .execute();
  await trx
    .updateTable('audit_head')
    .set({ frontier: encodeFrontier(frontier) })
    .where('id', '=', 1)
    .execute();
}

export interface TreeHead {
  readonly size: number;
  readonly root: Hash;
}

/** The tree as the database holds it now: size (= audit head seq) and root. */
export async function readTreeHead(db: Kysely<Database>): Promise<TreeHead> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'frontier'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { size: Number(head.seq), root: frontierRoot(decodeFrontier(head.frontier)) };
}

async function loadNodes(db: Kysely<Database>, ids: readonly NodeId[]): Promise<(id: NodeId) => Hash> {
  const byLevel = new Map<number, number[]>();
  for (const id of ids) byLevel.set(id.level, [...(byLevel.get(id.level) ?? []), id.index]);
  const found = new Map<string, Hash>();
  if (ids.length > 0) {
    const rows = await db
      .selectFrom('audit_tree_nodes')
      .select(['level', 'idx', 'hash'])
      .where((eb) =>
        eb.or([...byLevel].map(([level, idxs]) => eb.and([eb('level', '=', level), eb('idx', 'in', idxs)]))),
      )
      .execute();
    for (const r of rows) found.set(`${r.level}:${r.idx}`, Buffer.from(r.hash, 'hex'));
  }
  return (id) => {
    const hash = found.get(nodeKey(id));
    if (!hash) throw new Error(`audit tree node ${nodeKey(id)} is missing: run truce audit verify`);
    return hash;
  };
}

async function hashRanges(db: Kysely<Database>, ranges: readonly Range[]): Promise<Hash[]> {
  const node = await loadNodes(db, nodesOf(ranges));
  return ranges.map((r) => rangeHash(r, node));
}

async function currentSize(db: Kysely<Database>): Promise<number> {
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(head.seq);
}

export interface InclusionProof {
  /** The audit entry's seq; its leaf index is seq − 1. */
  readonly entry: number;
  readonly size: number;
  readonly leafHash: Hash;
  readonly path: Hash[];
}

/** The inclusion proof of audit entry `entry` in the tree of `size` entries (default: now). */
export async function inclusionProof(db: Db, entry: number, size?: number): Promise<InclusionProof> {
  const treeSize = size ?? (await currentSize(db));
  if (treeSize > (await currentSize(db))) throw invalid('size', `the log has fewer than ${treeSize} entries`);
  if (!Number.isSafeInteger(entry) || entry < 1 || entry > treeSize)
    throw invalid('entry', `must be an entry seq from 1 to ${treeSize}`);
  const row = await db.selectFrom('audit_entries').select('hash').where('seq', '=', entry).executeTakeFirst();
  if (!row) throw invalid('entry', `no audit entry ${entry}`);
  const path = await hashRanges(db, inclusionRanges(entry - 1, treeSize));
  return { entry, size: treeSize, leafHash: leafHash(Buffer.from(row.hash, 'hex')), path };
}

/** The consistency proof between the trees of `from` and `to` entries. */
export async function consistencyProof(db: Db, from: number, to: number): Promise<Hash[]> {
  const size = await currentSize(db);
  if (!Number.isSafeInteger(to) || to > size) throw invalid('to', `the log has ${size} entries`);
  if (!Number.isSafeInteger(from) || from < 0 || from > to) throw invalid('from', `must be from 0 to ${to}`);
  return hashRanges(db, consistencyRanges(from, to));
}

/** The root of the tree of `size` entries (size ≤ now), from stored nodes. */
export async function rootAt(db: Db, size: number): Promise<Hash> {
  const [root] = await hashRanges(db, [{ start: 0, end: size }]);
  return root as Hash;
}
