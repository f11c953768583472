import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { importAcled, type ImportOutcome } from './acled-import.js';
import { exportIncidents } from './export.js';

const SAMPLE = fileURLToPath(new URL('./fixtures/acled-sample.csv', import.meta.url));

describeEachDatabase('ACLED import', (t) => {
  it('imports good rows as incidents with their sources, and names row, column and rule for bad ones', async () => {
    const outcomes: ImportOutcome[] = [];
    const summary = await importAcled(t.db, createReadStream(SAMPLE), {
      actor: 'analyst:import-test',
      onOutcome: (o) => outcomes.push(o),
    });
    expect(summary).toEqual({ imported: 3, duplicate: 0, repeated: 0, failed: 3 });
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([
      { status: 'failed', row: 3, line: 4, column: 'event_date', rule: 'must be a real calendar date' },
      { status: 'failed', row: 5, line: 6, column: 'geo_precision', rule: 'must be 1, 2 or 3' },
      {
        status: 'failed',
        row: 6,
        line: 7,
        column: 'sub_event_type',
        rule: 'must be a sub-event type of the row’s event_type',
      },
    ]);
    const clash = await t.db
      .selectFrom('incidents')
      .selectAll()
      .where('public_id', '=', 'AZE1001')
      .executeTakeFirstOrThrow();
    expect(clash).toMatchObject({
      kind: 'armed_clash',
      country: 'AZ',
      geo_precision: 'near',
      status: 'candidate',
    });
    const grenade = await t.db
      .selectFrom('incidents')
      .select(['acled_event_type', 'acled_sub_event_type'])
      .where('public_id', '=', 'AZE1002')
      .executeTakeFirstOrThrow();
    expect(grenade).toEqual({
      acled_event_type: 'Explosions/Remote violence',
      acled_sub_event_type: 'Grenade',
    });
    const sources = await t.db
      .selectFrom('sources')
      .select('publisher')
      .where('extractor', '=', 'truce-import-acled')
      .execute();
    expect(sources.map((s) => s.publisher)).toContain('Border Watch Weekly; Radio Lowland');
  });

  it('is idempotent on event_id_cnty: a second import writes nothing new', async () => {
    const before = await t.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const summary = await importAcled(t.db, createReadStream(SAMPLE), { actor: 'analyst:import-test' });
    expect(summary).toEqual({ imported: 0, duplicate: 3, repeated: 0, failed: 3 });
    const after = await t.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets the unique constraint decide between two importers racing on the same rows', async () => {
    const csv = (id: string) =>
      `event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,latitude,longitude,geo_precision,fatalities\r\n${id},2021-04-01,1,Battles,Armed clash,Military Forces of Armenia,40,46,1,2\r\n`;
    const results = await Promise.all([
      importAcled(t.db, Readable.from([csv('RACE1')]), { actor: 'worker:a' }),
      importAcled(t.db, Readable.from([csv('RACE1')]), { actor: 'worker:b' }),
    ]);
    expect(results.map((r) => r.imported).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([0, 1]);
  });

  it('refuses a file without the ACLED columns, naming the missing ones', async () => {
    const error = await importAcled(t.db, Readable.from(['id,date\r\n1,2021-01-01\r\n']), {
      actor: 'analyst:import-test',
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/header: must name the ACLED columns; missing event_id_cnty/);
  });

  it('writes every row through the audit chain', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('exports what it imported with the ACLED coding and fatalities it was given', async () => {
    const { body } = exportIncidents(t.db, { format: 'acled', filters: {}, statuses: ['candidate'] });
    const text = (await Readable.from(body).toArray()).map(String).join('');
    expect(text).toContain('AZE1002,2021-03-04,2021,2,Political violence,Explosions/Remote violence,Grenade');
    expect(text).toMatch(
      /AZE1001,.*Border Watch Weekly; Radio Lowland,National,"On 2 March 2021.*",1,,1614729600/,
    );
  });
});
