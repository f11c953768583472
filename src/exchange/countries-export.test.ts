import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { loadDemo } from '../demo/load-demo.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Db } from '../platform/db/dialect.js';
import { importAcled } from './acled-import.js';
import { exportIncidents, type ExportFormat } from './export.js';

async function rows(db: Db, format: ExportFormat): Promise<Record<string, string>[]> {
  const { body } = exportIncidents(db, {
    format,
    filters: {},
    statuses: ['candidate', 'confirmed', 'disputed'],
  });
  const text = (await Readable.from(body).toArray()).map(String).join('');
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

// An ACLED row written for this test, in a country the old eleven-country table did not have.
const MALI =
  'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,country,iso,latitude,longitude,geo_precision,fatalities\r\n' +
  'MLI900,12 April 2021,1,Battles,Armed clash,Military Forces of Mali (2021-),Mali,466,14.49,-4.19,2,3\r\n';

describeEachDatabase('every country in the exports', (t) => {
  it('gives the demo’s incidents and an imported row their country, ISO number and region', async () => {
    await loadDemo(t.db);
    await importAcled(t.db, Readable.from([MALI]), { actor: 'analyst:countries' });
    const acled = await rows(t.db, 'acled');
    expect(acled.length).toBeGreaterThan(5);
    for (const row of acled) {
      expect(row.country, row.event_id_cnty).not.toBe('');
      expect(row.iso, row.event_id_cnty).toMatch(/^\d+$/);
      expect(row.region, row.event_id_cnty).not.toBe('');
    }
    expect(acled.find((r) => r.event_id_cnty === 'MLI900')).toMatchObject({
      country: 'Mali',
      iso: '466',
      region: 'Western Africa',
    });
  });

  it('writes ISO alpha-3 under HXL’s #country+code', async () => {
    const hxl = await rows(t.db, 'hxl');
    const mali = hxl.find((r) => r.event_id === 'MLI900');
    expect(mali?.country).toBe('MLI');
    expect(hxl[0]?.country).toBe('#country+code');
    expect(hxl.slice(1).every((r) => /^[A-Z]{3}$/.test(r.country ?? ''))).toBe(true);
  });
});
