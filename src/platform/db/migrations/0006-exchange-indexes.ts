import type { Kysely } from 'kysely';

/** Exports look up the figures of each page of incidents through their reports: index figures by
 * report, so that lookup probes an index instead of scanning every figure once per page. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('casualty_report').on('casualty_figures').column('report_id').execute();
}
