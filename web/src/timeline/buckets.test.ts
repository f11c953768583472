import { describe, expect, it } from 'vitest';
import { bucketize, bucketStart, grainFor, kindsByTotal } from './buckets.js';

const day = (date: string, byKind: Record<string, number>) => ({
  date,
  count: Object.values(byKind).reduce((a, b) => a + b, 0),
  byKind,
});

describe('timeline buckets', () => {
  it('keeps the gaps: 14 Dec and 30 Jan are 47 days apart, not neighbours', () => {
    const buckets = bucketize(
      [day('2020-12-14', { shelling: 2 }), day('2021-01-30', { shelling: 1 })],
      'day',
    );
    expect(buckets).toHaveLength(48);
    expect(buckets[0]).toMatchObject({ start: '2020-12-14', count: 2 });
    expect(buckets[1]).toMatchObject({ start: '2020-12-15', count: 0 });
    expect(buckets[47]).toMatchObject({ start: '2021-01-30', end: '2021-01-30', count: 1 });
  });

  it('picks days for a season, weeks for a year or two, months beyond', () => {
    expect(grainFor('2020-11-09', '2021-01-30')).toBe('day');
    expect(grainFor('2020-01-01', '2021-06-30')).toBe('week');
    expect(grainFor('2015-02-15', '2022-02-24')).toBe('month');
  });

  it('starts weeks on Monday and months on the first, summing kinds', () => {
    expect(bucketStart('2020-11-15', 'week')).toBe('2020-11-09'); // a Sunday
    expect(bucketStart('2020-11-09', 'week')).toBe('2020-11-09'); // a Monday
    const months = bucketize(
      [
        day('2020-11-30', { shelling: 1 }),
        day('2020-11-02', { shelling: 1, detention: 1 }),
        day('2021-01-31', { detention: 2 }),
      ],
      'month',
    );
    expect(months.map((b) => [b.start, b.end, b.count])).toEqual([
      ['2020-11-01', '2020-11-30', 3],
      ['2020-12-01', '2020-12-31', 0],
      ['2021-01-01', '2021-01-31', 2],
    ]);
    expect(months[0]?.byKind).toEqual({ shelling: 2, detention: 1 });
    expect(kindsByTotal(months)).toEqual(['detention', 'shelling']);
  });

  it('has no bars for no days', () => {
    expect(bucketize([], 'day')).toEqual([]);
  });
});
