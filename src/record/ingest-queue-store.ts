import { sql } from 'kysely';
import type { Db } from '../platform/db/dialect.js';

/**
 * Jobs of a pg-boss queue not yet done (queued, waiting for a retry, or being worked), counted as
 * pg-boss counts them, over the record's pool: waiting for a queue to drain starts no client.
 *
 * @example await countUnfinishedJobs(runtime.db, 'truce_jobs', 'truce-ingest') // 0 once drained
 */
export async function countUnfinishedJobs(db: Db, schema: string, queue: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(`${schema}.job`)}
    where name = ${queue} and state < 'completed'`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
