import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../platform/db/dialect.js';
import type { Database } from '../platform/db/schema.js';
import { invalid } from '../platform/errors.js';
import {
  appendLeaves,
  BLOCK_LEAVES,
  blockLevels,
  consistencyRanges,
  decodeFrontier,
  encodeFrontier,
  frontierRoot,
  inclusionRanges,
  leafHash,
  nodeKey,
  nodesOf,
  rangeHash,
  STORED_LEVEL,
  type Hash,
  type NodeId,
} from './merkle.js';

const NODE_BATCH = 2000;

/** A tree node row as `audit_tree_nodes` holds it. */
export interface TreeNodeRow {
  readonly level: number;
  readonly idx: number;
  readonly hash: string;
}

/**
 * The tree grown by the entries just chained (in seq order, the first being leaf `firstIndex`):
 * the nodes to store (complete subtrees at level ≥ STORED_LEVEL) and the next frontier, encoded.
 * Pure: the writer stores both in its transaction, with the head.
 */
export function growTree(
  frontier: string | null,
  firstIndex: number,
  entryHashes: readonly string[],
): { nodes: TreeNodeRow[]; frontier: string } {
  // One hex decoding for the whole run rather than one per entry (entry hashes are 32 bytes).
  const bytes = Buffer.from(entryHashes.join(''), 'hex');
  if (bytes.length !== entryHashes.length * 32) throw new Error('an audit entry hash is not 64 hex digits');
  const leaves = entryHashes.map((_, i) => bytes.subarray(i * 32, i * 32 + 32));
  const grown = appendLeaves(decodeFrontier(frontier), firstIndex, leaves);
  return {
    nodes: grown.nodes.map((n) => ({ level: n.id.level, idx: n.id.index, hash: n.hash.toString('hex') })),
    frontier: encodeFrontier(grown.frontier),
  };
}

/** Stores new tree nodes inside the writer's transaction (its head row locked, so no interleaving). */
export async function insertTreeNodes(
  trx: Transaction<Database>,
  nodes: readonly TreeNodeRow[],
): Promise<void> {
  for (let i = 0; i < nodes.length; i += NODE_BATCH)
    await trx
      .insertInto('audit_tree_nodes')
      .values(nodes.slice(i, i + NODE_BATCH))
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

/** What one read of the tree gives: the log's size then, the nodes asked for, and entry hashes. */
interface TreeRead {
  readonly size: number;
  node(id: NodeId): Hash;
  entryHash(seq: number): string | undefined;
}

const HEAD_ROW = -1;
const ENTRY_ROW = -2;

/**
 * Reads the head's size, the stored nodes among `ids`, and the entries of the blocks the lower
 * nodes lie in (plus `seqs`), in one statement (one round trip, one snapshot); hashes the lower
 * nodes from their blocks. A node that cannot be had (an entry missing from its block, a node row
 * missing) throws when asked for, naming it.
 */
async function readTree(
  db: Kysely<Database>,
  ids: readonly NodeId[],
  seqs: readonly number[] = [],
): Promise<TreeRead> {
  const stored = ids.filter((id) => id.level >= STORED_LEVEL);
  const low = ids.filter((id) => id.level < STORED_LEVEL);
  const blockOf = (id: NodeId) => Math.floor(id.index / 2 ** (STORED_LEVEL - id.level));
  const blocks = [...new Set(low.map(blockOf))];
  const byLevel = new Map<number, number[]>();
  for (const id of stored) byLevel.set(id.level, [...(byLevel.get(id.level) ?? []), id.index]);

  let query = db
    .selectFrom('audit_head')
    .select([sql<number>`${sql.lit(HEAD_ROW)}`.as('level'), 'seq as idx', 'hash'])
    .where('id', '=', 1);
  if (byLevel.size > 0)
    query = query.unionAll(
      db
        .selectFrom('audit_tree_nodes')
        .select(['level', 'idx', 'hash'])
        .where((eb) =>
          eb.or(
            [...byLevel].map(([level, idxs]) => eb.and([eb('level', '=', level), eb('idx', 'in', idxs)])),
          ),
        ),
    );
  if (blocks.length > 0 || seqs.length > 0)
    query = query.unionAll(
      db
        .selectFrom('audit_entries')
        .select([sql<number>`${sql.lit(ENTRY_ROW)}`.as('level'), 'seq as idx', 'hash'])
        .where((eb) =>
          eb.or([
            ...blocks.map((b) =>
              eb.and([eb('seq', '>', b * BLOCK_LEAVES), eb('seq', '<=', (b + 1) * BLOCK_LEAVES)]),
            ),
            ...(seqs.length > 0 ? [eb('seq', 'in', [...seqs])] : []),
          ]),
        ),
    );
  const rows = await query.execute();

  let size = -1;
  const found = new Map<string, Hash>();
  const entries = new Map<number, string>();
  for (const r of rows) {
    const level = Number(r.level);
    if (level === HEAD_ROW) size = Number(r.idx);
    else if (level === ENTRY_ROW) entries.set(Number(r.idx), r.hash);
    else found.set(`${level}:${Number(r.idx)}`, Buffer.from(r.hash, 'hex'));
  }
  if (size < 0) throw new Error('the audit head row is missing: run the migrations');
  for (const b of blocks) {
    // Leaf i is entry i + 1: a block's leaves run from its first entry up to the first gap.
    const run: Buffer[] = [];
    for (let seq = b * BLOCK_LEAVES + 1; seq <= (b + 1) * BLOCK_LEAVES; seq += 1) {
      const hash = entries.get(seq);
      if (hash === undefined) break;
      run.push(Buffer.from(hash, 'hex'));
    }
    const levels = blockLevels(run);
    for (const id of low) {
      if (blockOf(id) !== b) continue;
      const hash = levels[id.level]?.[id.index - b * 2 ** (STORED_LEVEL - id.level)];
      if (hash) found.set(nodeKey(id), hash);
    }
  }
  return {
    size,
    node(id) {
      const hash = found.get(nodeKey(id));
      if (!hash) throw new Error(`audit tree node ${nodeKey(id)} is missing: run truce audit verify`);
      return hash;
    },
    entryHash: (seq) => entries.get(seq),
  };
}

const sizeRule = (name: string, value: number) => {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(name, 'must be a whole number of entries');
};

export interface InclusionProof {
  /** The audit entry's seq; its leaf index is seq − 1. */
  readonly entry: number;
  readonly size: number;
  readonly leafHash: Hash;
  readonly path: Hash[];
}

/** The inclusion proof of audit entry `entry` in the tree of `size` entries (default: now). */
export async function inclusionProof(db: Db, entry: number, size?: number): Promise<InclusionProof> {
  if (size !== undefined) sizeRule('size', size);
  const treeSize = size ?? (await readTreeHead(db)).size;
  if (!Number.isSafeInteger(entry) || entry < 1 || entry > treeSize)
    throw invalid('entry', `must be an entry seq from 1 to ${treeSize}`);
  const ranges = inclusionRanges(entry - 1, treeSize);
  const tree = await readTree(db, nodesOf(ranges), [entry]);
  if (treeSize > tree.size) throw invalid('size', `the log has fewer than ${treeSize} entries`);
  const hash = tree.entryHash(entry);
  if (hash === undefined) throw invalid('entry', `no audit entry ${entry}`);
  const path = ranges.map((r) => rangeHash(r, tree.node));
  return { entry, size: treeSize, leafHash: leafHash(Buffer.from(hash, 'hex')), path };
}

/** The consistency proof between the trees of `from` and `to` entries. */
export async function consistencyProof(db: Db, from: number, to: number): Promise<Hash[]> {
  sizeRule('to', to);
  if (!Number.isSafeInteger(from) || from < 0 || from > to) throw invalid('from', `must be from 0 to ${to}`);
  const ranges = consistencyRanges(from, to);
  const tree = await readTree(db, nodesOf(ranges));
  if (to > tree.size) throw invalid('to', `the log has ${tree.size} entries`);
  return ranges.map((r) => rangeHash(r, tree.node));
}

/** The root of the tree of `size` entries (size ≤ now), from stored nodes and entry hashes. */
export async function rootAt(db: Db, size: number): Promise<Hash> {
  sizeRule('size', size);
  const range = { start: 0, end: size };
  const tree = await readTree(db, nodesOf([range]));
  if (size > tree.size) throw invalid('size', `the log has fewer than ${size} entries`);
  return rangeHash(range, tree.node);
}
