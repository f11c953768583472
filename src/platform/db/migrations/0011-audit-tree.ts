import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { addIdColumn } from '../dialect.js';

/** The Merkle tree over the audit log (issue 19), signed checkpoints, witnesses' cosignatures.
 *
 * `audit_tree_nodes` keeps every perfect subtree of the RFC 6962 tree whose leaf i is audit entry
 * i + 1's hash: (level, idx) covers leaves [idx·2^level, (idx+1)·2^level). `audit_head.frontier`
 * keeps the right border (hex hashes of the perfect subtrees of the whole tree, largest first), so
 * an append costs one read. Existing entries are backfilled here. Hashing is written out here, not
 * imported, so this migration never changes once landed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_tree_nodes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_tree_nodes_pk', ['level', 'idx'])
    .execute();
  await db.schema.alterTable('audit_head').addColumn('frontier', 'text').execute();

  await addIdColumn(db, db.schema.createTable('audit_checkpoints'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('key_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_checkpoints_size').on('audit_checkpoints').column('size').execute();
  await addIdColumn(db, db.schema.createTable('audit_witnesses'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('vkey', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await addIdColumn(db, db.schema.createTable('audit_cosignatures'))
    .addColumn('checkpoint_id', 'integer', (c) => c.notNull().references('audit_checkpoints.id'))
    .addColumn('witness_id', 'integer', (c) => c.notNull().references('audit_witnesses.id'))
    .addColumn('time', 'integer', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_cosignatures_one', ['checkpoint_id', 'witness_id'])
    .execute();

  await backfill(db);
}

const PAGE = 2000;
const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

async function backfill(db: Kysely<unknown>): Promise<void> {
  const frontier: Buffer[] = [];
  let after = 0;
  let index = 0;
  for (;;) {
    const { rows } = await sql<{ seq: number; hash: string }>`
      select seq, hash from audit_entries where seq > ${after} order by seq limit ${PAGE}`.execute(db);
    const nodes: { level: number; idx: number; hash: string }[] = [];
    for (const row of rows) {
      let hash = sha(Buffer.from([0]), Buffer.from(row.hash, 'hex'));
      let level = 0;
      let at = index;
      nodes.push({ level, idx: at, hash: hash.toString('hex') });
      while (at % 2 === 1) {
        hash = sha(Buffer.from([1]), frontier.pop() as Buffer, hash);
        level += 1;
        at = (at - 1) / 2;
        nodes.push({ level, idx: at, hash: hash.toString('hex') });
      }
      frontier.push(hash);
      index += 1;
      after = Number(row.seq);
    }
    for (let i = 0; i < nodes.length; i += 500) {
      const slice = nodes.slice(i, i + 500);
      await sql`insert into audit_tree_nodes (level, idx, hash) values ${sql.join(
        slice.map((n) => sql`(${n.level}, ${n.idx}, ${n.hash})`),
      )}`.execute(db);
    }
    if (rows.length < PAGE) break;
  }
  const text = frontier.map((h) => h.toString('hex')).join(',');
  await sql`update audit_head set frontier = ${text === '' ? null : text} where id = 1`.execute(db);
}
