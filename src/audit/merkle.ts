import * as crypto from 'node:crypto';

/**
 * The Merkle tree over the audit log, as pure functions, after RFC 6962 / RFC 9162 §2.1:
 * leaf hash = SHA-256(0x00 ‖ leaf), node hash = SHA-256(0x01 ‖ left ‖ right), the empty tree's
 * hash = SHA-256(""). Leaf i is audit entry seq i + 1 (its 32-byte entry hash).
 *
 * Node (level, index) is the *perfect* subtree over leaves [index·2^level, (index+1)·2^level).
 * Any range the RFC's recursion asks for is a run of such nodes. Storage keeps only the complete
 * ones at level ≥ STORED_LEVEL (one row per 2^STORED_LEVEL entries and fewer above); a node below
 * is hashed again from the entry hashes of its aligned block of 2^STORED_LEVEL leaves, which the
 * log holds anyway. A proof thus reads O(log n) stored nodes and at most a few blocks of entries.
 */
export type Hash = Buffer;

export const EMPTY_ROOT: Hash = crypto.createHash('sha256').digest();

/**
 * SHA-256 in one call where Node has it (20.12 and later): about twice as fast as a Hash object
 * for inputs this short, and every audit append hashes about two nodes per entry.
 */
const sha256: (data: Uint8Array) => Hash =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'buffer')
    : (data) => crypto.createHash('sha256').update(data).digest();

export const leafHash = (leaf: Uint8Array): Hash => {
  const input = Buffer.allocUnsafe(1 + leaf.length);
  input[0] = 0;
  input.set(leaf, 1);
  return sha256(input);
};

export const nodeHash = (left: Uint8Array, right: Uint8Array): Hash => {
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 1;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
};

/**
 * The lowest level of stored nodes. Nodes below it are recomputed from entry hashes: at most
 * 2^STORED_LEVEL leaf and as many node hashes per block a proof touches.
 */
export const STORED_LEVEL = 6;
export const BLOCK_LEAVES = 2 ** STORED_LEVEL;

/** One stored perfect subtree. */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export const nodeKey = (id: NodeId): string => `${id.level}:${id.index}`;

/** The largest power of two strictly below n (n > 1). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees whose run makes up leaves [start, end), largest first. In the RFC's
 * recursion every range start is aligned to the range's size rounded up to a power of two, so the
 * run folded from the right gives MTH(D[start:end]).
 */
export function rangeNodes(start: number, end: number): NodeId[] {
  const out: NodeId[] = [];
  let at = start;
  // At most 53 iterations: each takes the largest aligned block left.
  while (at < end) {
    let level = 0;
    while (level < 52 && at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level += 1;
    out.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return out;
}

/** A range to hash: the proof algorithms yield these, a store resolves them to stored nodes. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[start:end]): the ranges whose hashes make the inclusion proof. */
export function inclusionRanges(index: number, size: number): Range[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const out: Range[] = [];
  let start = 0;
  let end = size;
  let m = index;
  const stack: Range[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      stack.push({ start: start + k, end });
      end = start + k;
    } else {
      stack.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  // PATH lists the sibling nearest the leaf first.
  for (let i = stack.length - 1; i >= 0; i -= 1) out.push(stack[i] as Range);
  return out;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true): the ranges of the consistency proof. */
export function consistencyRanges(from: number, to: number): Range[] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to)
    throw new RangeError(`no consistency proof from ${from} to ${to}`);
  if (from === 0 || from === to) return [];
  const out: Range[] = [];
  let start = 0;
  let end = to;
  let m = from;
  let whole = true;
  // SUBPROOF unrolled: each step descends into one side and appends the other side's hash after
  // the deeper ones, so the siblings are collected and reversed at the end.
  const tail: Range[] = [];
  for (;;) {
    const n = end - start;
    if (m === n) {
      if (!whole) out.push({ start, end });
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      tail.push({ start: start + k, end });
      end = start + k;
    } else {
      tail.push({ start, end: start + k });
      start += k;
      m -= k;
      whole = false;
    }
  }
  for (let i = tail.length - 1; i >= 0; i -= 1) out.push(tail[i] as Range);
  return out;
}

/** Hashes one range from its stored nodes (folded from the right, as MTH's recursion does). */
export function rangeHash(range: Range, node: (id: NodeId) => Hash): Hash {
  if (range.end <= range.start) return EMPTY_ROOT;
  const ids = rangeNodes(range.start, range.end);
  let hash = node(ids[ids.length - 1] as NodeId);
  for (let i = ids.length - 2; i >= 0; i -= 1) hash = nodeHash(node(ids[i] as NodeId), hash);
  return hash;
}

/** The nodes a set of ranges needs, each once. */
export function nodesOf(ranges: readonly Range[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const r of ranges) for (const id of rangeNodes(r.start, r.end)) seen.set(nodeKey(id), id);
  return [...seen.values()];
}

/**
 * The new stored nodes when leaf `index` (hash `leaf`) is appended to a tree whose right border is
 * `frontier` (the roots of its perfect subtrees, largest first, as `rangeNodes(0, index)` lists
 * them). Returns the nodes to store and the next frontier.
 */
export function appendLeaf(
  frontier: readonly Hash[],
  index: number,
  leaf: Uint8Array,
): { nodes: { id: NodeId; hash: Hash }[]; frontier: Hash[] } {
  const next = [...frontier];
  let hash = leafHash(leaf);
  let level = 0;
  let at = index;
  const nodes = [{ id: { level, index: at }, hash }];
  while (at % 2 === 1) {
    const left = next.pop();
    if (!left) throw new Error(`frontier too short for leaf ${index}`);
    hash = nodeHash(left, hash);
    level += 1;
    at = (at - 1) / 2;
    nodes.push({ id: { level, index: at }, hash });
  }
  next.push(hash);
  return { nodes, frontier: next };
}

/**
 * Appends leaves `firstIndex`, `firstIndex + 1`, … (their entry hashes) to the tree whose right
 * border is `frontier`: the new nodes at level ≥ `minLevel` (the ones a store keeps) and the next
 * frontier. The same nodes and frontier as `appendLeaf` one leaf at a time.
 */
export function appendLeaves(
  frontier: readonly Hash[],
  firstIndex: number,
  leaves: readonly Uint8Array[],
  minLevel: number = STORED_LEVEL,
): { nodes: { id: NodeId; hash: Hash }[]; frontier: Hash[] } {
  const next = [...frontier];
  const nodes: { id: NodeId; hash: Hash }[] = [];
  leaves.forEach((leaf, i) => {
    let hash = leafHash(leaf);
    let level = 0;
    let at = firstIndex + i;
    if (minLevel <= 0) nodes.push({ id: { level, index: at }, hash });
    // At most 53 merges: one per trailing one bit of the index.
    while (at % 2 === 1) {
      const left = next.pop();
      if (!left) throw new Error(`frontier too short for leaf ${firstIndex + i}`);
      hash = nodeHash(left, hash);
      level += 1;
      at = (at - 1) / 2;
      if (level >= minLevel) nodes.push({ id: { level, index: at }, hash });
    }
    next.push(hash);
  });
  return { nodes, frontier: next };
}

/**
 * The hashes of the perfect subtrees inside one block of leaves, level by level: `levels[l][j]`
 * is node (l, blockStart/2^l + j). `leaves` are the block's entry hashes from its first leaf on
 * (fewer than a block at the tree's right edge: then only the complete subtrees are there).
 */
export function blockLevels(leaves: readonly Uint8Array[]): Hash[][] {
  const levels: Hash[][] = [leaves.map((l) => leafHash(l))];
  // At most log2(block) levels.
  for (let below = levels[0] as Hash[]; below.length > 1;) {
    const up: Hash[] = [];
    for (let j = 0; j + 1 < below.length; j += 2) up.push(nodeHash(below[j] as Hash, below[j + 1] as Hash));
    levels.push(up);
    below = up;
  }
  return levels;
}

/** The root of a tree from its frontier (largest subtree first). */
export function frontierRoot(frontier: readonly Hash[]): Hash {
  if (frontier.length === 0) return EMPTY_ROOT;
  let hash = frontier[frontier.length - 1] as Hash;
  for (let i = frontier.length - 2; i >= 0; i -= 1) hash = nodeHash(frontier[i] as Hash, hash);
  return hash;
}

/** Encodes a frontier for one text column (hex hashes joined by commas). */
export const encodeFrontier = (frontier: readonly Hash[]): string =>
  frontier.map((h) => h.toString('hex')).join(',');

export const decodeFrontier = (text: string | null): Hash[] =>
  text ? text.split(',').map((h) => Buffer.from(h, 'hex')) : [];

// ---- Verification (RFC 9162 §2.1.3.2 and §2.1.4.2), for clients and `truce audit verify`. ----

/** RFC 9162 §2.1.3.2: true when `proof` shows leaf `index` with hash `leaf` in the tree of `size` with `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHashValue: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r: Hash = Buffer.from(leafHashValue);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(Buffer.from(root));
}

/** RFC 9162 §2.1.4.2: true when `proof` shows the tree (size2, root2) extends (size1, root1). */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  const first = Buffer.from(root1);
  const second = Buffer.from(root2);
  if (size1 > size2 || size1 < 0) return false;
  if (size1 === size2) return proof.length === 0 && first.equals(second);
  if (size1 === 0) return proof.length === 0;
  const path = [...proof].map((p) => Buffer.from(p));
  if (path.length === 0) return false;
  // Step 1: if size1 is a power of two, prepend first_hash.
  if (isPowerOfTwo(size1)) path.unshift(first);
  let fn = size1 - 1;
  let sn = size2 - 1;
  // Step 3: while LSB(fn) is set, shift right both.
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Buffer;
  let sr = path[0] as Buffer;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else sr = nodeHash(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(first) && sr.equals(second);
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  // At most 53 halvings for a safe integer.
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
