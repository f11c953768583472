import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { runIngest } from './ingest-run-store.js';

// Articles in our own words: one outlet tells two events of one Monday (shelling of a town, a mine
// near a village 28 km away); a second outlet tells both the other way round; ten days later a
// third mentions the shelling in passing, in a story about the town's school. Two more outlets
// tell one raid on a camp the gazetteer does not list: one as "the Kelmar Wells camp in the Hadrut
// region", the other as "a post in KelmarWells, located in the Hadrut region", neither dated.
const dir = fileURLToPath(new URL('./fixtures/merge-cases/', import.meta.url));
const at = (file: string) => `${dir}${file}`;

describeEachDatabase('merging the events of real-shaped articles', (t) => {
  const incidentsOf = async (fragment: string) => {
    const rows = await t.db
      .selectFrom('incident_reports as l')
      .innerJoin('reports as r', 'r.id', 'l.report_id')
      .innerJoin('sources as s', 's.id', 'r.source_id')
      .select(['l.incident_id', 'r.event_kind'])
      .where('s.url', 'like', `%${fragment}%`)
      .where('r.kind', '=', 'event')
      .execute();
    return rows;
  };
  beforeAll(async () => {
    const options = { published: '2021-03-16', actor: 'user:test' };
    await runIngest(t.db, [at('two-events-first-outlet.txt'), at('two-events-second-outlet.txt')], options);
    await runIngest(t.db, [at('passing-mention.txt')], { ...options, published: '2021-03-26' });
    // Neither page says when it was published: only the place and the kind can tell.
    await runIngest(t.db, [at('located-first-outlet.txt'), at('located-second-outlet.txt')], {
      published: null,
      actor: 'user:test',
    });
  });

  it('keeps the two events of one article in two incidents', async () => {
    const first = await incidentsOf('two-events-first-outlet');
    expect(first.map((r) => r.event_kind).sort()).toEqual(['landmine', 'shelling']);
    expect(new Set(first.map((r) => r.incident_id)).size).toBe(2);
  });

  it("joins each event of the second outlet to the first outlet's incident for it", async () => {
    const [first, second] = [
      await incidentsOf('two-events-first-outlet'),
      await incidentsOf('two-events-second-outlet'),
    ];
    for (const kind of ['landmine', 'shelling']) {
      const pick = (rows: typeof first) => rows.find((r) => r.event_kind === kind)?.incident_id;
      expect(pick(second)).toBe(pick(first));
    }
  });

  it('joins a passing mention ten days later to the incident instead of opening one', async () => {
    const [first, mention] = [
      await incidentsOf('two-events-first-outlet'),
      await incidentsOf('passing-mention'),
    ];
    const shelling = first.find((r) => r.event_kind === 'shelling')?.incident_id;
    expect(mention.map((r) => r.incident_id)).toEqual([shelling]);
    const incident = await t.db
      .selectFrom('incidents')
      .select(['date_start', 'date_end'])
      .where('id', '=', shelling ?? 0)
      .executeTakeFirstOrThrow();
    expect(incident).toEqual({ date_start: '2021-03-15', date_end: '2021-03-15' });
  });

  it('joins a raid on an unlisted camp told as "the X camp in Y" and as "in X, located in Y"', async () => {
    const [first, second] = [
      await incidentsOf('located-first-outlet'),
      await incidentsOf('located-second-outlet'),
    ];
    expect(first).toHaveLength(1);
    expect(second.map((r) => r.incident_id)).toEqual(first.map((r) => r.incident_id));
  });
});
