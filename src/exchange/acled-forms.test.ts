import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { importAcled, type ImportOutcome } from './acled-import.js';

// ACLED files written for this test in the two layouts ACLED has published: before 2023 (data_id,
// numeric actor-type and interaction codes, iso3, no tags) and the current one (text codes, `NA`
// for blanks); dates as ACLED writes them and as spreadsheets re-save them. Places and actors
// are invented.
const PRE_2023 = [
  'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3',
  '101,562,NIG501,501,"14 March 2019",2019,1,Battles,"Armed clash","Military Forces of Niger (2011-2021)",,1,"Hill Brigade",,2,12,"Western Africa",Niger,Tillaberi,Ouallam,,"Koira Tegui",14.3210,2.0870,2,"Sahel Courier","National",On 14 March 2019 soldiers and fighters clashed.,4,1552953600,NER',
  '102,562,NIG502,502,9-May-20,2020,2,Strategic developments,Disrupted weapons use,Hill Brigade,,2,,,0,20,Western Africa,Niger,Tillaberi,,,Ouallam,14.3180,2.0850,1,Sahel Courier,Local partner-Other,A planted device was found and defused.,0,1589068800,NER',
  '103,562,NIG503,503,2020/03/21,2020,1,Protests,Peaceful protest,Protesters (Niger),Teachers (Niger),6,,,0,60,Western Africa,Niger,Niamey,Niamey,,Niamey,13.5120,2.1120,1,Radio Plateau,National,Teachers marched for unpaid wages.,0,1584835200,NER',
  '104,562,NIG504,504,03/04/2020,2020,1,Riots,Mob violence,Rioters (Niger),,5,Civilians (Niger),,7,57,Western Africa,Niger,Dosso,,,Dosso,13.0490,3.1940,1,Radio Plateau,Local,A crowd attacked a trader.,1,1583280000,NER',
  '105,562,NIG505,505,21/03/2020,2020,1,Riots,Mob violence,Rioters (Niger),,5,,,0,50,Western Africa,Niger,Dosso,,,Dosso,13.0490,3.1940,1,Radio Plateau,Local,Shops were looted.,0,1584748800,NER',
  '106,562,NIG506,506,22/03/2020,2020,1,Riots,Mob violence',
  '107,562,NIG507,507,23/03/2020,2020,1,Riots,Mob violence,Rioters (Niger),,5,,,0,50,Western Africa,Niger,Dosso,,,Dosso,13.0490,3.1940,1,Radio Plateau,Local,"A note left open,0,1584921600,NER',
  '108,562,NIG508,508,24/03/2020,2020,1,Riots,Mob violence,Rioters (Niger),,5,,,0,50,Western Africa,Niger,Dosso,,,Dosso,13.0490,3.1940,1,Radio Plateau,Local,Quiet again.,0,1585008000,NER,extra',
  '103,562,NIG503,503,2020/03/21,2020,1,Protests,Peaceful protest,Protesters (Niger),Teachers (Niger),6,,,0,60,Western Africa,Niger,Niamey,Niamey,,Niamey,13.5120,2.1120,1,Radio Plateau,National,Teachers marched for unpaid wages.,0,1584835200,NER',
  '109,562,NIG509,509,25 March 2020,2020,1,Riots,Mob violence,Rioters (Niger),,5,,,0,50,Western Africa,Niger,Dosso,,,Dosso,13.0490,3.1940,1,Radio Plateau,Local,Calm.,0,1585094400,NER',
].join('\r\n');

// The current layout as some tools cut it: no actor2 columns at all.
const CURRENT = [
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp',
  'CHA77,5-Aug-24,2024,1,Political violence,Riots,Mob violence,Rioters (Chad),NA,Rioters,Rioters only,NA,148,Middle Africa,Chad,Ouaddai,Abeche,NA,Abeche,13.83,20.83,1,Lake Gazette,National,Traders clashed at a market.,0,crowd size=around 100,1723075200',
  'CHA78,28 December 2022,2022,1,Strategic developments,Strategic developments,Other,Civilians (Chad),Refugees/IDPs (Chad),Civilians,Civilians only,NA,148,Middle Africa,Chad,Ouaddai,Abeche,NA,Abeche,13.83,20.83,2,NA,Other,Families arrived at a camp.,NA,NA,1672531200',
].join('\r\n');

describeEachDatabase('ACLED files as published', (t) => {
  const outcomes: ImportOutcome[] = [];
  const run = (text: string, dateOrder?: 'dmy' | 'mdy') =>
    importAcled(t.db, Readable.from([Buffer.from(text)]), {
      actor: 'analyst:forms',
      ...(dateOrder ? { dateOrder } : {}),
      onOutcome: (o) => outcomes.push(o),
    });

  it('reads a pre-2023 file: every date form, numeric codes; bad rows named, the rest imported', async () => {
    expect(await run(PRE_2023)).toEqual({ imported: 5, duplicate: 0, repeated: 1, failed: 4 });
    expect(outcomes.filter((o) => o.status === 'failed' || o.status === 'repeated')).toEqual([
      {
        status: 'failed',
        row: 4,
        line: 5,
        column: 'event_date',
        rule: 'is ambiguous (day/month or month/day); say which with --date-order dmy or mdy',
      },
      { status: 'failed', row: 6, line: 7, column: 'row', rule: 'has 9 cells; the header has 31' },
      { status: 'failed', row: 7, line: 8, column: 'row', rule: 'has a quote that does not close' },
      { status: 'failed', row: 8, line: 9, column: 'row', rule: 'has 32 cells; the header has 31' },
      { status: 'repeated', row: 3, eventId: 'NIG503', repeatedIn: [9] },
    ]);
    const rows = await t.db
      .selectFrom('incidents')
      .select(['public_id', 'date_start', 'kind', 'title', 'country'])
      .select(['acled_inter1 as inter1', 'acled_inter2 as inter2', 'acled_interaction as interaction'])
      .select(['acled_iso as iso', 'acled_region as region', 'acled_admin2 as admin2'])
      .select(['acled_source_scale as source_scale', 'acled_timestamp as timestamp'])
      .where('public_id', 'like', 'NIG%')
      .orderBy('public_id')
      .execute();
    expect(rows.map((r) => [r.public_id, r.date_start])).toEqual([
      ['NIG501', '2019-03-14'],
      ['NIG502', '2020-05-09'],
      ['NIG503', '2020-03-21'],
      ['NIG505', '2020-03-21'],
      ['NIG509', '2020-03-25'],
    ]);
    expect(rows[0]).toMatchObject({ country: 'NE', inter1: '1', inter2: '2', interaction: '12' });
    expect(rows[0]).toMatchObject({ iso: '562', region: 'Western Africa', admin2: 'Ouallam' });
    expect(rows[0]).toMatchObject({ source_scale: 'National', timestamp: '1552953600' });
    // A disrupted weapons use is not an aircraft shot down: it has its own kind.
    expect(rows[1]).toMatchObject({
      kind: 'disrupted_weapons_use',
      title: 'Disrupted weapons use — Ouallam',
      inter2: '0',
    });
  });

  it('reads the ambiguous date once the file’s order is given', async () => {
    outcomes.length = 0;
    const summary = await run(PRE_2023, 'mdy');
    expect(summary).toMatchObject({ imported: 1, duplicate: 5 });
    const row = await t.db
      .selectFrom('incidents')
      .select('date_start')
      .where('public_id', '=', 'NIG504')
      .executeTakeFirstOrThrow();
    expect(row.date_start).toBe('2020-03-04');
  });

  it('reads the current layout with text codes and NA as missing, without actor2 columns', async () => {
    outcomes.length = 0;
    expect(await run(CURRENT)).toEqual({ imported: 2, duplicate: 0, repeated: 0, failed: 0 });
    const rows = await t.db
      .selectFrom('incidents')
      .select([
        'public_id',
        'actor2',
        'date_start',
        'country',
        'acled_inter1 as inter1',
        'acled_inter2 as inter2',
      ])
      .select(['acled_interaction as interaction', 'acled_assoc_actor_1 as assoc_actor_1'])
      .select(['acled_admin3 as admin3', 'acled_tags as tags', 'acled_disorder_type as disorder_type'])
      .where('public_id', 'like', 'CHA%')
      .orderBy('public_id')
      .execute();
    expect(rows[0]).toMatchObject({
      public_id: 'CHA77',
      date_start: '2024-08-05',
      country: 'TD',
      actor2: null,
      inter1: 'Rioters',
      inter2: null,
      interaction: 'Rioters only',
      // NA in a column the file has is kept empty; a column it lacks (inter2) is null, derived on export.
      assoc_actor_1: '',
      admin3: '',
      tags: 'crowd size=around 100',
      disorder_type: 'Political violence',
    });
    expect(rows[1]).toMatchObject({ public_id: 'CHA78', date_start: '2022-12-28', tags: '' });
    const source = await t.db
      .selectFrom('sources')
      .select('publisher')
      .where('title', '=', 'ACLED event CHA78')
      .executeTakeFirstOrThrow();
    expect(source.publisher).toBeNull();
  });

  it('names a row with control characters, and a row the database refuses, and imports the rest', async () => {
    outcomes.length = 0;
    // A real constraint of the database (a trigger), refusing one id, stands for any row it refuses.
    if (t.name === 'sqlite')
      await sql`create trigger refuse_one before insert on incidents when new.public_id = 'CHA92'
        begin select raise(abort, 'refused by a test trigger'); end`.execute(t.db);
    else {
      await sql`create function refuse_one() returns trigger language plpgsql as $$
        begin if new.public_id = 'CHA92' then raise exception 'refused by a test trigger'; end if; return new; end $$`.execute(
        t.db,
      );
      await sql`create trigger refuse_one before insert on incidents for each row execute function refuse_one()`.execute(
        t.db,
      );
    }
    const head = CURRENT.split('\r\n')[0] ?? '';
    const row = (id: string, notes: string) =>
      `${id},5-Aug-24,2024,1,Political violence,Riots,Mob violence,Rioters (Chad),NA,Rioters,Rioters only,NA,148,Middle Africa,Chad,Ouaddai,Abeche,NA,Abeche,13.83,20.83,1,Lake Gazette,National,${notes},0,NA,1723075200`;
    const file = [
      head,
      row('CHA91', 'A market fire.'),
      row('CHA92', 'Refused.'),
      row('CHA93', 'Nul\u0000here'),
      row('CHA94', 'Calm.'),
    ];
    expect(await run(file.join('\r\n'))).toEqual({ imported: 2, duplicate: 0, repeated: 0, failed: 2 });
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([
      { status: 'failed', row: 3, line: 4, column: 'notes', rule: 'must not contain control characters' },
      {
        status: 'failed',
        row: 2,
        line: 3,
        column: 'row',
        rule: expect.stringMatching(/^cannot be stored: .*refused by a test trigger/),
      },
    ]);
    await sql`drop trigger refuse_one${t.name === 'postgres' ? sql` on incidents` : sql``}`.execute(t.db);
  });
});
