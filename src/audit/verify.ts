import { sql } from 'kysely';
import type { Db } from '../platform/db/dialect.js';
import { AUDITED_TABLES, type AuditedTable } from '../platform/db/schema.js';
import { GENESIS_HASH, auditImage, checkLink, sha256Hex, type ChainedEntry } from './chain.js';
import { entryOfRow } from './audit-store.js';
import { appendLeaf, decodeFrontier, frontierRoot, type Hash } from './merkle.js';

export type ProblemKind =
  | 'sequence_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'row_changed'
  | 'row_missing'
  | 'row_unaudited'
  | 'head_mismatch'
  | 'tree_mismatch';

export interface VerifyProblem {
  readonly kind: ProblemKind;
  /** The audit entry that does not check (for a row with no entry at all: null). */
  readonly seq: number | null;
  readonly entity: string | null;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly entries: number;
  readonly headSeq: number;
  readonly headHash: string;
  /** The first problem in chain order (entries before rows nobody audited). */
  readonly firstProblem: VerifyProblem | null;
  readonly problems: readonly VerifyProblem[];
  readonly problemCount: number;
}

const PAGE = 2000;
const MAX_LISTED = 100;

interface Expected {
  readonly seq: number;
  readonly digest: string | null;
}

/**
 * Walks the whole chain in order, then every row of every audited table, in pages (memory grows
 * with the number of rows, by one digest each). Reports rather than throws.
 */
export async function verifyAudit(db: Db): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const expected = new Map<string, Expected>();
  const tree: { frontier: Hash[]; size: number } = { frontier: [], size: 0 };
  const head = await walkChain(db, expected, problems, tree);
  for (const table of AUDITED_TABLES) await compareRows(db, table, expected, problems);
  for (const [entity, want] of expected) {
    if (want.digest !== null) {
      problems.push({
        kind: 'row_missing',
        seq: want.seq,
        entity,
        message: `${entity} was deleted outside the application`,
      });
    }
  }
  const stored = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'frontier'])
    .where('id', '=', 1)
    .executeTakeFirst();
  // The stored Merkle tree (what proofs are served from) must be the tree of the stored entries.
  if (stored && !frontierRoot(decodeFrontier(stored.frontier)).equals(frontierRoot(tree.frontier))) {
    problems.push({
      kind: 'tree_mismatch',
      seq: null,
      entity: null,
      message: `the stored Merkle tree is not the tree of the ${tree.size} entries: proofs served from it would not hold`,
    });
  }
  if (!stored || Number(stored.seq) !== head.seq || stored.hash !== head.hash) {
    problems.push({
      kind: 'head_mismatch',
      seq: head.seq + 1,
      entity: null,
      message: `the chain ends at entry ${head.seq} but the recorded head is entry ${stored?.seq ?? 'none'}: entries were removed from the end`,
    });
  }
  const ordered = [...problems].sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
  return {
    ok: problems.length === 0,
    entries: head.seq,
    headSeq: head.seq,
    headHash: head.hash,
    firstProblem: ordered[0] ?? null,
    problems: ordered.slice(0, MAX_LISTED),
    problemCount: problems.length,
  };
}

async function walkChain(
  db: Db,
  expected: Map<string, Expected>,
  problems: VerifyProblem[],
  tree: { frontier: Hash[]; size: number },
) {
  let head = { seq: 0, hash: GENESIS_HASH };
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_entries')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const entry = entryOfRow(row);
      const problem = checkLink(head, entry);
      if (problem) {
        problems.push({
          kind: problem,
          seq: entry.seq,
          entity: `${entry.entityType}#${entry.entityId}`,
          message: linkMessage(problem, entry, head.seq),
        });
      }
      expected.set(`${entry.entityType}#${entry.entityId}`, {
        seq: entry.seq,
        digest: entry.after === null ? null : sha256Hex(entry.after),
      });
      tree.frontier = appendLeaf(tree.frontier, tree.size, Buffer.from(entry.hash, 'hex')).frontier;
      tree.size += 1;
      head = { seq: entry.seq, hash: entry.hash };
      after = entry.seq;
    }
    if (rows.length < PAGE) return head;
  }
}

type LooseRow = Record<string, unknown> & { id: number };

async function rowPage(db: Db, table: AuditedTable, after: number | null): Promise<LooseRow[]> {
  const from = after === null ? sql`` : sql`where id > ${after}`;
  const { rows } =
    await sql<LooseRow>`select * from ${sql.table(table)} ${from} order by id limit ${PAGE}`.execute(db);
  return rows;
}

function linkMessage(problem: string, entry: ChainedEntry, prevSeq: number): string {
  if (problem === 'sequence_gap') return `entry ${entry.seq} follows entry ${prevSeq}: entries are missing`;
  if (problem === 'prev_hash_mismatch')
    return `entry ${entry.seq} does not link to the hash of entry ${prevSeq}`;
  return `entry ${entry.seq} does not match its hash: it was altered`;
}

async function compareRows(
  db: Db,
  table: AuditedTable,
  expected: Map<string, Expected>,
  problems: VerifyProblem[],
) {
  // Every row, whatever its id: the first page has no lower bound (ids of 0 or below are forged).
  let after: number | null = null;
  for (;;) {
    const rows = await rowPage(db, table, after);
    for (const row of rows) {
      const entity = `${table}#${row.id}`;
      const want = expected.get(entity);
      expected.delete(entity);
      if (!want || want.digest === null) {
        problems.push({
          kind: 'row_unaudited',
          seq: null,
          entity,
          message: `${entity} has no audit entry: it was inserted outside the application`,
        });
      } else if (sha256Hex(auditImage(table, row)) !== want.digest) {
        problems.push({
          kind: 'row_changed',
          seq: want.seq,
          entity,
          message: `${entity} differs from audit entry ${want.seq}: it was changed outside the application`,
        });
      }
      after = Number(row.id);
    }
    if (rows.length < PAGE) return;
  }
}
