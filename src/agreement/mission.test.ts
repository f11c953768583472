import { describe, expect, it } from 'vitest';
import { activityTotals, latestStrength } from './activity.js';
import { missionStatus, type MissionFacts } from './mission.js';
import { buildActivity, buildMandate } from './test-support/builders.js';

const activity = [
  buildActivity({
    day: '2020-11-14',
    returned: 100,
    personnel: 1900,
    armouredVehicles: 90,
    otherVehicles: 370,
  }),
  buildActivity({ day: '2020-11-15', returned: 250, deminedHectares: 1.1, humanitarianTonnes: 10.2 }),
  buildActivity({
    day: '2020-11-16',
    returned: 400,
    personnel: 1990,
    deminedHectares: 2.2,
    violationsRecorded: 1,
  }),
];

const facts: MissionFacts = {
  slug: 'rpc',
  name: 'Peacekeeping contingent',
  agreement: 'nk',
  mandate: buildMandate(),
  posts: [
    {
      code: 'OP-1',
      name: 'One',
      placeName: null,
      lat: 39.8,
      lon: 46.7,
      openedOn: '2020-11-12',
      closedOn: null,
    },
    {
      code: 'OP-2',
      name: 'Two',
      placeName: null,
      lat: 39.6,
      lon: 46.5,
      openedOn: '2020-11-15',
      closedOn: '2020-11-16',
    },
  ],
  units: [
    {
      name: 'HQ',
      kind: 'headquarters',
      personnel: 100,
      base: 'Stepanakert',
      fromDate: '2020-11-10',
      toDate: null,
    },
  ],
  activity,
};

describe('activity totals', () => {
  it('adds daily returns into a cumulative figure up to the day', () => {
    expect(activityTotals(activity, '2020-11-15').returned).toBe(350);
    expect(activityTotals(activity, '2020-11-16')).toMatchObject({
      returned: 750,
      days: 3,
      violationsRecorded: 1,
    });
  });

  it('rounds decimal sums to one place', () => {
    expect(activityTotals(activity, '2020-11-16').deminedHectares).toBe(3.3);
  });

  it('takes each strength figure from the latest record that reports it', () => {
    expect(latestStrength(activity, '2020-11-16')).toEqual({
      personnel: 1990,
      armouredVehicles: 90,
      otherVehicles: 370,
      asOf: '2020-11-16',
    });
    expect(latestStrength(activity, '2020-11-13').personnel).toBeNull();
  });
});

describe('mission status', () => {
  it('flags strength reported above the ceiling', () => {
    expect(missionStatus(facts, '2020-11-15').ceilingFlags).toEqual([]);
    expect(missionStatus(facts, '2020-11-16').ceilingFlags).toEqual([
      { item: 'personnel', reported: 1990, ceiling: 1960, excess: 30 },
    ]);
  });

  it('counts posts open on the day: opened by then, not yet closed', () => {
    expect(missionStatus(facts, '2020-11-11').posts.open).toBe(0);
    expect(missionStatus(facts, '2020-11-15').posts.open).toBe(2);
    expect(missionStatus(facts, '2020-11-16').posts).toMatchObject({ open: 1, closed: 1 });
  });

  it('gives the term end and next notice date from the mandate, and the day’s record', () => {
    const status = missionStatus(facts, '2020-11-15');
    expect(status.term).toMatchObject({ termEnd: '2025-11-10', nextNoticeDate: '2025-05-10' });
    expect(status.today?.returned).toBe(250);
    expect(missionStatus(facts, '2020-11-20').today).toBeNull();
  });
});
