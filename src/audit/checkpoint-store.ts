import type { Db } from '../platform/db/dialect.js';
import { checkpointBody, signNote } from './note.js';
import type { Signer } from './keys.js';
import { readTreeHead } from './tree-store.js';

export interface StoredCheckpoint {
  readonly id: number;
  readonly size: number;
  readonly rootHash: string;
  readonly note: string;
  readonly createdAt: string;
}

/** Extension line of a rotation checkpoint: the new key, under the old key's signature. */
export const ROTATION_LINE = 'truce-key-rotation';

/**
 * Signs the tree as it is now and stores the signed note (Ed25519 is deterministic: the same tree
 * gives the same note, stored once while it is the latest). `announce` adds the rotation line naming a new verifier key, and the
 * new key's signature beside the old one's.
 */
export async function signCheckpoint(
  db: Db,
  signer: Signer,
  clock: () => Date,
  announce?: Signer,
): Promise<StoredCheckpoint> {
  return db.transaction().execute(async (trx) => {
    const head = await readTreeHead(trx);
    let body = checkpointBody({ origin: signer.name, size: head.size, root: head.root });
    if (announce) body += `${ROTATION_LINE} ${announce.vkey}\n`;
    let note = signNote(body, signer.name, signer.key);
    if (announce) {
      const extra = signNote(body, announce.name, announce.key).slice(body.length + 1, -1);
      note = `${note}${extra}\n`;
    }
    // Signing an unchanged tree again adds nothing; an older identical note (the log cut back to
    // an earlier size) is stored anew, so the latest checkpoint is always the one signed last.
    const last = await trx
      .selectFrom('audit_checkpoints')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const existing = last && last.note === note ? last : undefined;
    const row =
      existing ??
      (await trx
        .insertInto('audit_checkpoints')
        .values({
          origin: signer.name,
          size: head.size,
          root_hash: head.root.toString('hex'),
          key_name: signer.name,
          note,
          created_at: clock().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow());
    return present(row);
  });
}

type Row = { id: number; size: number; root_hash: string; note: string; created_at: string };
const present = (r: Row): StoredCheckpoint => ({
  id: Number(r.id),
  size: Number(r.size),
  rootHash: r.root_hash,
  note: r.note,
  createdAt: r.created_at,
});

export async function latestCheckpoint(db: Db): Promise<StoredCheckpoint | null> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? present(row) : null;
}

/** Checkpoints made after `since` (an ISO time), oldest first, at most `limit`. */
export async function checkpointsSince(db: Db, since: string, limit = 100): Promise<StoredCheckpoint[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('created_at', '>', since)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(present);
}
