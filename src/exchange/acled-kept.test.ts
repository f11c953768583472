import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { importAcled } from './acled-import.js';
import { withKeptAcledFields, type KeptAcledFields } from './acled-kept.js';
import { ACLED_COLUMNS } from './acled.js';
import { KEPT_ACLED_COLUMNS } from './acled-row.js';
import { exportIncidents } from './export.js';

// An ACLED file written for this test in the current layout, with ACLED's own coding in every
// column Truce would otherwise derive: associated actors, text actor types, admin2/3, tags.
const FILE = [
  ACLED_COLUMNS.join(','),
  'TGO31,2 June 2023,2023,1,Political violence,Battles,Armed clash,Military Forces of Togo (2005-),Police Forces of Togo (2005-),State forces,JNIM: Group for Support of Islam and Muslims,NA,Rebel group,State forces-Rebel group,NA,768,Western Africa,Togo,Savanes,Kpendjal,Mandouri,Mandouri,10.8300,0.8900,2,Radio Nord,Subnational-National,Soldiers and militants clashed near Mandouri.,3,local administrators,1686700000',
  'TGO32,3 June 2023,2023,1,Strategic developments,Strategic developments,Disrupted weapons use,Military Forces of Togo (2005-),NA,State forces,NA,NA,NA,State forces only,NA,768,Western Africa,Togo,Savanes,Kpendjal,NA,Mandouri,10.8300,0.8900,2,Radio Nord,Subnational,Soldiers defused a device on the road.,0,NA,1686800000',
].join('\r\n');

describeEachDatabase('ACLED coding kept for the export', (t) => {
  it('exports every kept ACLED field unchanged, column by column', async () => {
    await importAcled(t.db, Readable.from([FILE]), { actor: 'analyst:kept' });
    const input = parse(FILE, { columns: true }) as Record<string, string>[];
    const { body } = exportIncidents(t.db, { format: 'acled', filters: {}, statuses: ['candidate'] });
    const text = (await Readable.from(body).toArray()).map(String).join('');
    const out = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(out).toHaveLength(2);
    for (const [i, row] of input.entries())
      for (const column of [
        ...KEPT_ACLED_COLUMNS,
        'event_id_cnty',
        'event_type',
        'sub_event_type',
        'actor1',
        'actor2',
        'location',
        'source',
        'notes',
        'fatalities',
      ] as const)
        expect(`${column}=${out[i]?.[column]}`).toBe(`${column}=${row[column] === 'NA' ? '' : row[column]}`);
  });

  it('adds the Truce kind to ACLED’s tags only when an analyst changed it', async () => {
    const first: KeptAcledFields = {
      ...(Object.fromEntries(KEPT_ACLED_COLUMNS.map((c) => [c, null])) as KeptAcledFields),
      tags: 'local administrators',
    };
    const derived = { tags: 'truce kind=armed_clash' } as Parameters<typeof withKeptAcledFields>[0];
    expect(withKeptAcledFields(derived, first, 'armed_clash', 'Armed clash').tags).toBe(
      'local administrators',
    );
    expect(withKeptAcledFields(derived, first, 'ceasefire_violation', 'Armed clash').tags).toBe(
      'local administrators; truce kind=ceasefire_violation',
    );
    expect(withKeptAcledFields(derived, undefined, 'armed_clash', 'Armed clash').tags).toBe(
      'truce kind=armed_clash',
    );
    // A Truce export imported again carries its kind tag again.
    const truce = { ...first, tags: 'truce kind=armed_clash' };
    expect(withKeptAcledFields(derived, truce, 'armed_clash', 'Armed clash').tags).toBe(
      'truce kind=armed_clash',
    );
  });
});
