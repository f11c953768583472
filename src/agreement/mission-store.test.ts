import { expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { missionStatus } from './mission.js';
import { createMission, loadMissionFacts, recordActivity } from './mission-store.js';

const ctx = { actor: 'monitor:test' };

describeEachDatabase('missions', (t) => {
  it('stores the mandate, units and posts and reads them back', async () => {
    await createMission(t.db, ctx, {
      slug: 'test-mission',
      name: 'Test mission',
      mandate: {
        startsOn: '2020-11-10',
        termYears: 5,
        renewalYears: 5,
        noticeMonths: 6,
        ceilings: { personnel: 100 },
      },
      units: [{ name: 'HQ', kind: 'headquarters', fromDate: '2020-11-10' }],
      posts: [{ code: 'OP-1', name: 'Hill', lat: 39.8, lon: 46.75, openedOn: '2020-11-11' }],
    });
    const facts = await loadMissionFacts(t.db, 'test-mission');
    expect(facts.mandate).toMatchObject({
      termYears: 5,
      ceilings: { personnel: 100, armouredVehicles: null },
    });
    expect(facts.posts).toEqual([
      {
        code: 'OP-1',
        name: 'Hill',
        placeName: null,
        lat: 39.8,
        lon: 46.75,
        openedOn: '2020-11-11',
        closedOn: null,
      },
    ]);
  });

  it('files daily activity once per day, and flags strength above the ceiling', async () => {
    await recordActivity(t.db, ctx, 'test-mission', {
      day: '2020-11-20',
      personnel: 120,
      returned: 10,
      deminedHectares: 1.5,
    });
    await recordActivity(t.db, ctx, 'test-mission', {
      day: '2020-11-21',
      returned: 15,
      deminedHectares: 2.25,
    });
    await expect(recordActivity(t.db, ctx, 'test-mission', { day: '2020-11-21' })).rejects.toMatchObject({
      code: 'conflict',
    });
    const status = missionStatus(await loadMissionFacts(t.db, 'test-mission'), '2020-11-21');
    expect(status.totals).toMatchObject({ returned: 25, deminedHectares: 3.8, days: 2 });
    expect(status.ceilingFlags).toEqual([{ item: 'personnel', reported: 120, ceiling: 100, excess: 20 }]);
  });

  it('refuses bad input naming the field, and unknown missions', async () => {
    await expect(recordActivity(t.db, ctx, 'test-mission', { day: '2020-11-31' })).rejects.toMatchObject({
      code: 'invalid',
      details: { field: 'day' },
    });
    await expect(recordActivity(t.db, ctx, 'nope', { day: '2020-11-22' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      createMission(t.db, ctx, {
        slug: 'x',
        name: 'X',
        mandate: { startsOn: '2020-01-01', termYears: 1 },
        posts: [{ code: 'A', name: 'A', lat: 91, lon: 0, openedOn: '2020-01-01' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid', details: { field: 'posts.0.lat' } });
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });
});
