import type { Db } from '../platform/db/dialect.js';
import { appendLeaf, frontierRoot, type Hash } from './merkle.js';
import { noteSignedBy, parseCheckpointBody, parseNote, type Checkpoint, type VerifierKey } from './note.js';
import { readTreeHead } from './tree-store.js';

export type CheckpointProblem =
  'bad_signature' | 'wrong_origin' | 'log_shorter' | 'not_an_extension' | 'tree_mismatch';

export interface CheckpointReport {
  readonly ok: boolean;
  readonly checkpoint: { origin: string; size: number; root: string } | null;
  /** The log's size now (entries) and the root recomputed from the entries. */
  readonly size: number;
  readonly root: string;
  readonly problem: CheckpointProblem | null;
  readonly message: string;
}

const PAGE = 2000;

/**
 * Checks the database against a checkpoint published earlier: its signature by one of `keys`,
 * then that the tree recomputed from the stored entries (not from the stored tree, which whoever
 * holds the database could rebuild) has the checkpoint's root at the checkpoint's size. A cut
 * tail, an edited entry with every later hash recomputed, or renumbered entries all change that
 * root or the size. Also checks the stored tree against the recomputed one.
 */
export async function verifyAgainstCheckpoint(
  db: Db,
  note: string,
  keys: readonly VerifierKey[],
  label: string,
): Promise<CheckpointReport> {
  let checkpoint: Checkpoint;
  let parsed: ReturnType<typeof parseNote>;
  try {
    parsed = parseNote(note);
    checkpoint = parseCheckpointBody(parsed.body.split('\n').slice(0, 3).join('\n') + '\n');
  } catch (error) {
    return fail(
      null,
      0,
      '',
      'bad_signature',
      `checkpoint ${label} cannot be read: ${(error as Error).message}`,
    );
  }
  const named = `checkpoint ${label} (${checkpoint.origin}, size ${checkpoint.size}, root ${checkpoint.root.toString('base64')})`;
  if (!keys.some((k) => noteSignedBy(parsed, k)))
    return fail(
      checkpoint,
      0,
      '',
      'bad_signature',
      `${named} is not signed by any trusted key (${keys.map((k) => k.name).join(', ') || 'none given'})`,
    );
  const stored = await readTreeHead(db);
  if (keys.every((k) => k.name !== checkpoint.origin))
    return fail(
      checkpoint,
      stored.size,
      '',
      'wrong_origin',
      `${named} is for another log than the keys given`,
    );

  let frontier: Hash[] = [];
  let at: Hash | null = checkpoint.size === 0 ? frontierRoot([]) : null;
  let index = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_entries')
      .select(['seq', 'hash'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      frontier = appendLeaf(frontier, index, Buffer.from(row.hash, 'hex')).frontier;
      index += 1;
      if (index === checkpoint.size) at = frontierRoot(frontier);
      after = Number(row.seq);
    }
    if (rows.length < PAGE) break;
  }
  const root = frontierRoot(frontier).toString('hex');
  if (index < checkpoint.size)
    return fail(
      checkpoint,
      index,
      root,
      'log_shorter',
      `the log has ${index} entries, fewer than the ${checkpoint.size} of ${named}: entries were cut`,
    );
  if (!at || !at.equals(checkpoint.root))
    return fail(
      checkpoint,
      index,
      root,
      'not_an_extension',
      `the log's first ${checkpoint.size} entries do not give the root of ${named}: the log was rewritten`,
    );
  if (stored.size !== index || stored.root.toString('hex') !== root)
    return fail(
      checkpoint,
      index,
      root,
      'tree_mismatch',
      `the stored Merkle tree (size ${stored.size}) differs from the one the entries give (size ${index})`,
    );
  return {
    ok: true,
    checkpoint: view(checkpoint),
    size: index,
    root,
    problem: null,
    message: `the log (${index} entries) extends ${named}`,
  };
}

const view = (c: Checkpoint) => ({ origin: c.origin, size: c.size, root: c.root.toString('base64') });

function fail(
  checkpoint: Checkpoint | null,
  size: number,
  root: string,
  problem: CheckpointProblem,
  message: string,
): CheckpointReport {
  return { ok: false, checkpoint: checkpoint ? view(checkpoint) : null, size, root, problem, message };
}
