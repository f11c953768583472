import type { Kysely } from 'kysely';

/**
 * The merge's candidates are the incidents whose dates overlap a report's window (issue 20): an
 * index on the end date, with the start beside it, reads the incidents ending after the window
 * opens and tests their start in the index, instead of walking every incident from the newest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The short incidents by start date, with what the merge tests beside it, so an incident of the
  // window but elsewhere (most of them) is passed over in the index, never read from the table.
  await db.schema
    .createIndex('incidents_merge_window')
    .on('incidents')
    .columns(['date_start', 'lat', 'lon', 'date_end', 'geo_precision', 'status'])
    .execute();
  await db.schema
    .createIndex('incidents_date_end')
    .on('incidents')
    .columns(['date_end', 'date_start'])
    .execute();
}
