import type { Db } from '../platform/db/dialect.js';
import { conflict, invalid, TruceError } from '../platform/errors.js';
import type { StoredCheckpoint } from './checkpoint-store.js';
import { COSIGNATURE_V1, cosignatureTime, parseNote, parseSignatureLine, parseVerifierKey } from './note.js';

/** A witness an admin registered: its name and verifier key (type 0x04, tlog-cosignature/v1). */
export async function registerWitness(
  db: Db,
  input: { vkey: string; addedBy: string; now: Date },
): Promise<{ id: number; name: string; vkey: string }> {
  let key;
  try {
    key = parseVerifierKey(input.vkey);
  } catch (error) {
    throw invalid('vkey', (error as Error).message);
  }
  if (key.type !== COSIGNATURE_V1) throw invalid('vkey', 'a witness key is a cosignature/v1 key (type 0x04)');
  const taken = await db
    .selectFrom('audit_witnesses')
    .select('id')
    .where('name', '=', key.name)
    .executeTakeFirst();
  if (taken) throw conflict(`witness ${key.name} is already registered`);
  const row = await db
    .insertInto('audit_witnesses')
    .values({
      name: key.name,
      vkey: input.vkey.trim(),
      added_by: input.addedBy,
      added_at: input.now.toISOString(),
    })
    .returning(['id', 'name', 'vkey'])
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), name: row.name, vkey: row.vkey };
}

export interface Cosignature {
  readonly witness: string;
  readonly time: number;
  readonly line: string;
}

/**
 * Stores a witness's cosignature of a stored checkpoint, after checking it against the witness's
 * registered key. The checkpoint is named by its body (what the witness signed).
 */
export async function addCosignature(
  db: Db,
  input: { body: string; line: string; now: Date },
): Promise<{ checkpointId: number; cosignature: Cosignature }> {
  let signature;
  try {
    signature = parseSignatureLine(input.line);
  } catch (error) {
    throw invalid('line', (error as Error).message);
  }
  const witness = await db
    .selectFrom('audit_witnesses')
    .selectAll()
    .where('name', '=', signature.name)
    .executeTakeFirst();
  if (!witness)
    throw new TruceError(
      'not_found',
      `line: witness ${signature.name} is not registered; the center's admin registers its key (truce witness register, or POST /api/audit/witnesses)`,
      { field: 'line', entity: 'witness', id: signature.name },
    );
  const size = Number(input.body.split('\n')[1]);
  if (!Number.isSafeInteger(size)) throw invalid('body', 'must be a checkpoint body');
  const candidates = await db
    .selectFrom('audit_checkpoints')
    .select(['id', 'note'])
    .where('size', '=', size)
    .execute();
  const checkpoint = candidates.find((c) => parseNote(c.note).body === input.body);
  if (!checkpoint)
    throw new TruceError(
      'not_found',
      `body: no checkpoint of size ${size} with this body was signed by the center; cosign one it published`,
      { field: 'body', entity: 'checkpoint', id: size },
    );
  const time = cosignatureTime(input.body, signature, parseVerifierKey(witness.vkey));
  if (time === null) throw invalid('line', `not a valid cosignature by ${witness.name} of this checkpoint`);
  await db
    .insertInto('audit_cosignatures')
    .values({
      checkpoint_id: Number(checkpoint.id),
      witness_id: Number(witness.id),
      time,
      line: signature.line,
      received_at: input.now.toISOString(),
    })
    .onConflict((oc) =>
      oc
        .columns(['checkpoint_id', 'witness_id'])
        .doUpdateSet({ time, line: signature.line, received_at: input.now.toISOString() }),
    )
    .execute();
  return {
    checkpointId: Number(checkpoint.id),
    cosignature: { witness: witness.name, time, line: signature.line },
  };
}

export interface RegisteredWitness {
  readonly name: string;
  readonly vkey: string;
  readonly addedAt: string;
}

/** Every registered witness, by name: whom the center accepts cosignatures from. */
export async function listWitnesses(db: Db): Promise<RegisteredWitness[]> {
  const rows = await db
    .selectFrom('audit_witnesses')
    .select(['name', 'vkey', 'added_at'])
    .orderBy('name')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ name: r.name, vkey: r.vkey, addedAt: r.added_at }));
}

/** The cosignatures of some checkpoints, by checkpoint id. */
export async function cosignaturesOf(db: Db, ids: readonly number[]): Promise<Map<number, Cosignature[]>> {
  const out = new Map<number, Cosignature[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('audit_cosignatures')
    .innerJoin('audit_witnesses', 'audit_witnesses.id', 'audit_cosignatures.witness_id')
    .select([
      'audit_cosignatures.checkpoint_id',
      'audit_witnesses.name',
      'audit_cosignatures.time',
      'audit_cosignatures.line',
    ])
    .where('audit_cosignatures.checkpoint_id', 'in', [...ids])
    .orderBy('audit_witnesses.name')
    .execute();
  for (const r of rows) {
    const id = Number(r.checkpoint_id);
    out.set(id, [...(out.get(id) ?? []), { witness: r.name, time: Number(r.time), line: r.line }]);
  }
  return out;
}

/** A checkpoint as published: the signed note with its cosignature lines appended (C2SP style). */
export function withCosignatures(checkpoint: StoredCheckpoint, cosignatures: readonly Cosignature[]) {
  const note =
    cosignatures.length === 0
      ? checkpoint.note
      : `${checkpoint.note}${cosignatures.map((c) => c.line).join('\n')}\n`;
  return { ...checkpoint, note, signedNote: checkpoint.note, cosignatures: [...cosignatures] };
}
