import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../platform/db/dialect.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { importAcled } from './acled-import.js';
import { exportIncidents, type ExportFormat } from './export.js';
import { secondDatabase } from './test-support/second-database.js';
import { seedExchangeIncidents } from './test-support/incidents.js';

const LIVE = ['candidate', 'under_review', 'confirmed', 'disputed'] as const;

async function text(db: Db, format: ExportFormat): Promise<string> {
  const { body } = exportIncidents(db, { format, filters: {}, statuses: [...LIVE] });
  return (await Readable.from(body).toArray()).map(String).join('');
}

/** Rows without `timestamp`, which says when each database last wrote the incident. */
const withoutTimestamp = (csv: string) =>
  (parse(csv, { columns: true }) as Record<string, string>[]).map(({ timestamp: _when, ...rest }) => rest);

describeEachDatabase('ACLED round trip', (t) => {
  let empty: Awaited<ReturnType<typeof secondDatabase>>;
  beforeAll(async () => {
    empty = await secondDatabase(t.name);
  });
  afterAll(async () => empty.drop());

  it('export → import into an empty database → the same incidents, row for row', async () => {
    await seedExchangeIncidents(t.db);
    const first = await text(t.db, 'acled');
    const summary = await importAcled(empty.db, Readable.from([first]), { actor: 'analyst:round-trip' });
    expect(summary).toEqual({ imported: 5, duplicate: 0, repeated: 0, failed: 0 });
    expect(withoutTimestamp(await text(empty.db, 'acled'))).toEqual(withoutTimestamp(first));
  });

  it('keeps kind, public id, place, actors and day-precise dates of every incident', async () => {
    const columns = ['public_id', 'kind', 'place_name', 'lat', 'lon', 'actor1', 'actor2'] as const;
    const read = (db: Db) =>
      db
        .selectFrom('incidents')
        .select([...columns])
        .orderBy('public_id')
        .execute();
    expect(await read(empty.db)).toEqual(await read(t.db));
    // ACLED keeps one date per event: a range comes back as its middle day, with its precision.
    const days = (db: Db) =>
      db
        .selectFrom('incidents')
        .select(['public_id', 'date_start'])
        .where('date_precision', '=', 'day')
        .orderBy('public_id')
        .execute();
    expect(await days(empty.db)).toEqual(await days(t.db));
    const geo = (db: Db) =>
      text(db, 'geojson').then((s) => (JSON.parse(s) as { features: unknown[] }).features.length);
    expect(await geo(empty.db)).toBe(await geo(t.db));
  });

  it('imports the same file again as duplicates only', async () => {
    const again = await importAcled(empty.db, Readable.from([await text(t.db, 'acled')]), {
      actor: 'analyst:round-trip',
    });
    expect(again).toEqual({ imported: 0, duplicate: 5, repeated: 0, failed: 0 });
  });
});
