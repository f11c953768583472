import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendLeaf,
  appendLeaves,
  blockLevels,
  consistencyRanges,
  frontierRoot,
  inclusionRanges,
  nodeKey,
  rangeHash,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeId,
} from './merkle.js';

// The certificate-transparency test leaves and roots (RFC 6962 reference tests, as in
// google/certificate-transparency and transparency-dev/merkle): leaf data in hex, MTH of the
// first n leaves.
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: { index: number; size: number; path: string[] }[] = [
  { index: 0, size: 1, path: [] },
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY: { from: number; to: number; path: string[] }[] = [
  { from: 1, to: 1, path: [] },
  {
    from: 1,
    to: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    path: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    path: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

// ---- An independent implementation, from the RFC 9162 text only (node:crypto, no project code). ----
const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const specLeaf = (d: Uint8Array) => sha(Buffer.from([0x00]), d);
const specNode = (l: Uint8Array, r: Uint8Array) => sha(Buffer.from([0x01]), l, r);
/** §2.1.1: MTH(D[n]) by its recursive definition. */
function specMth(d: readonly Uint8Array[]): Buffer {
  if (d.length === 0) return sha();
  if (d.length === 1) return specLeaf(d[0] as Uint8Array);
  let k = 1;
  while (k << 1 < d.length) k <<= 1;
  return specNode(specMth(d.slice(0, k)), specMth(d.slice(k)));
}
/** §2.1.3.2, step by step. */
function specVerifyInclusion(
  leafIndex: number,
  treeSize: number,
  hash: Buffer,
  path: Buffer[],
  root: Buffer,
) {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = hash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      r = specNode(p, r);
      if (!(fn & 1))
        while (!(fn & 1) && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else r = specNode(r, p);
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}
/** §2.1.4.2, step by step. */
function specVerifyConsistency(
  first: number,
  second: number,
  firstHash: Buffer,
  secondHash: Buffer,
  proof: Buffer[],
) {
  if (first === second) return proof.length === 0 && firstHash.equals(secondHash);
  if (first === 0 || first > second || proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstHash, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0] as Buffer;
  let sr = path[0] as Buffer;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = specNode(c, fr);
      sr = specNode(c, sr);
      if (!(fn & 1))
        while (!(fn & 1) && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else sr = specNode(sr, c);
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(firstHash) && sr.equals(secondHash);
}

// ---- The project's tree, built incrementally as the store builds it. ----
function buildTree(leaves: readonly Uint8Array[]) {
  const nodes = new Map<string, Hash>();
  let frontier: Hash[] = [];
  const roots: Hash[] = [];
  leaves.forEach((leaf, i) => {
    const step = appendLeaf(frontier, i, leaf);
    for (const n of step.nodes) nodes.set(nodeKey(n.id), n.hash);
    frontier = step.frontier;
    roots.push(frontierRoot(frontier));
  });
  const node = (id: NodeId) => {
    const h = nodes.get(nodeKey(id));
    if (!h) throw new Error(`missing node ${nodeKey(id)}`);
    return h;
  };
  return {
    roots,
    inclusion: (index: number, size: number) => inclusionRanges(index, size).map((r) => rangeHash(r, node)),
    consistency: (from: number, to: number) => consistencyRanges(from, to).map((r) => rangeHash(r, node)),
  };
}

const hex = (h: Uint8Array) => Buffer.from(h).toString('hex');
const data = LEAVES.map((l) => Buffer.from(l, 'hex'));

describe('Merkle tree (RFC 6962 hashing)', () => {
  const tree = buildTree(data);

  it('gives the reference root hash for each of the 8 standard trees, as the spec recursion does', () => {
    expect(tree.roots.map(hex)).toEqual(ROOTS);
    for (let n = 1; n <= 8; n += 1) expect(hex(specMth(data.slice(0, n)))).toBe(ROOTS[n - 1]);
  });

  it('gives the reference inclusion proofs, and the spec verifier accepts them', () => {
    for (const v of INCLUSION) {
      const proof = tree.inclusion(v.index, v.size);
      expect(proof.map(hex)).toEqual(v.path);
      const root = Buffer.from(ROOTS[v.size - 1] as string, 'hex');
      const leaf = specLeaf(data[v.index] as Buffer);
      expect(specVerifyInclusion(v.index, v.size, leaf, proof, root)).toBe(true);
      expect(verifyInclusion(v.index, v.size, leaf, proof, root)).toBe(true);
    }
  });

  it('gives the reference consistency proofs, and the spec verifier accepts them', () => {
    for (const v of CONSISTENCY) {
      const proof = tree.consistency(v.from, v.to);
      expect(proof.map(hex)).toEqual(v.path);
      const [r1, r2] = [ROOTS[v.from - 1], ROOTS[v.to - 1]].map((r) => Buffer.from(r as string, 'hex'));
      expect(specVerifyConsistency(v.from, v.to, r1 as Buffer, r2 as Buffer, proof)).toBe(true);
      expect(verifyConsistency(v.from, v.to, r1 as Buffer, r2 as Buffer, proof)).toBe(true);
    }
  });

  it('proves every leaf in every tree up to 40 leaves and every pair of sizes, by the spec verifier', () => {
    const many = Array.from({ length: 40 }, (_, i) => Buffer.from(`leaf ${i}`));
    const big = buildTree(many);
    for (let size = 1; size <= many.length; size += 1) {
      const root = specMth(many.slice(0, size));
      expect(hex(big.roots[size - 1] as Hash)).toBe(hex(root));
      for (let i = 0; i < size; i += 1) {
        const leaf = specLeaf(many[i] as Buffer);
        expect(specVerifyInclusion(i, size, leaf, big.inclusion(i, size), root)).toBe(true);
      }
      for (let from = 1; from <= size; from += 1) {
        const old = specMth(many.slice(0, from));
        expect(specVerifyConsistency(from, size, old, root, big.consistency(from, size))).toBe(true);
      }
    }
  });

  it('rejects a proof against a different root, a wrong leaf, or a rewritten old tree', () => {
    const many = Array.from({ length: 20 }, (_, i) => Buffer.from(`entry ${i}`));
    const honest = buildTree(many);
    const forged = buildTree(many.map((l, i) => (i === 3 ? Buffer.from('edited') : l)));
    const root = honest.roots[19] as Hash;
    const proof = honest.inclusion(3, 20);
    expect(verifyInclusion(3, 20, specLeaf(Buffer.from('edited')), proof, root)).toBe(false);
    expect(verifyInclusion(4, 20, specLeaf(many[3] as Buffer), proof, root)).toBe(false);
    // The forged tree's consistency proof from the honest size-10 tree cannot match its root.
    const proof10 = forged.consistency(10, 20);
    expect(verifyConsistency(10, 20, honest.roots[9] as Hash, forged.roots[19] as Hash, proof10)).toBe(false);
    expect(specVerifyConsistency(10, 20, honest.roots[9] as Hash, forged.roots[19] as Hash, proof10)).toBe(
      false,
    );
  });
});

describe('appending many leaves and hashing a block', () => {
  const many = Array.from({ length: 300 }, (_, i) => Buffer.from(`leaf ${i}`));
  const oneByOne = () => {
    let frontier: Hash[] = [];
    const nodes: { id: NodeId; hash: Hash }[] = [];
    many.forEach((leaf, i) => {
      const step = appendLeaf(frontier, i, leaf);
      nodes.push(...step.nodes);
      frontier = step.frontier;
    });
    return { nodes, frontier };
  };

  it('gives the nodes at or above the level asked and the frontier that leaf-by-leaf appends give', () => {
    const reference = oneByOne();
    for (const minLevel of [0, 3, 6]) {
      // In uneven runs, so that the frontier is carried across calls.
      let frontier: Hash[] = [];
      const nodes: { id: NodeId; hash: Hash }[] = [];
      for (const [start, end] of [
        [0, 1],
        [1, 64],
        [64, 65],
        [65, 200],
        [200, 300],
      ] as const) {
        const step = appendLeaves(frontier, start, many.slice(start, end), minLevel);
        nodes.push(...step.nodes);
        frontier = step.frontier;
      }
      const expected = reference.nodes.filter((n) => n.id.level >= minLevel);
      expect(nodes.map((n) => `${nodeKey(n.id)}=${hex(n.hash)}`)).toEqual(
        expected.map((n) => `${nodeKey(n.id)}=${hex(n.hash)}`),
      );
      expect(frontier.map(hex)).toEqual(reference.frontier.map(hex));
    }
  });

  it("hashes a block's perfect subtrees as the tree's own nodes, and leaves out incomplete ones", () => {
    const byKey = new Map(oneByOne().nodes.map((n) => [nodeKey(n.id), hex(n.hash)]));
    // Leaves 256..299: a block of 64 cut short at the right edge, as the newest block is.
    const levels = blockLevels(many.slice(256, 300));
    expect(levels.map((l) => l.length)).toEqual([44, 22, 11, 5, 2, 1]);
    levels.forEach((hashes, level) =>
      hashes.forEach((h, j) =>
        expect(hex(h)).toBe(byKey.get(nodeKey({ level, index: 256 / 2 ** level + j }))),
      ),
    );
  });
});
