import { sql, type Kysely } from 'kysely';

/**
 * The audit Merkle tree stores only its complete subtrees at level 6 and above (issue 15): a node
 * below covers at most 64 leaves, and is hashed again from the entry hashes of its aligned block
 * when a proof needs it (the leaves are the entries' own hashes, which the log holds anyway).
 * Every append then writes one tree row per 64 entries instead of about two per entry. The level
 * is written out here, not imported, so this migration never changes once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from audit_tree_nodes where level < 6`.execute(db);
}
