import type { Kysely } from 'kysely';

/**
 * The day's activity filed from a phone's outbox (issue 18): each submission carries the key its
 * device made for it, so a resend of the same submission (its answer lost on the way) gets the
 * first answer back instead of a "one record per day" refusal, and a different submission for a
 * day already filed is still refused. Null for days filed without a key (the CLI, the demo);
 * unique otherwise (an index, not a column constraint: SQLite cannot add a UNIQUE column).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mission_activity').addColumn('idempotency_key', 'text').execute();
  await db.schema
    .createIndex('mission_activity_idempotency_key')
    .on('mission_activity')
    .column('idempotency_key')
    .unique()
    .execute();
}
