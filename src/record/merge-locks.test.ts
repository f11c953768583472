import { describe, expect, it } from 'vitest';
import type { Claim } from './merge-features.js';
import { locksConflict, mergeLocks } from './merge-locks.js';

const at = (lat: number, lon: number, day: string, precision: 'exact' | 'region' = 'exact'): Claim => ({
  kind: 'shelling',
  dateStart: day,
  dateEnd: day,
  place: { id: null, lat, lon, precision, ancestors: [] },
  parties: [],
  killed: null,
});
const locks = (...claims: Claim[]) => mergeLocks(claims);

describe('merge locks', () => {
  it('makes two claims that could be one event take turns: same town, a day apart', () => {
    expect(locksConflict(locks(at(39.79, 47.11, '2021-03-15')), locks(at(39.8, 47.12, '2021-03-16')))).toBe(
      true,
    );
  });

  it('makes claims near a cell edge take turns with their neighbours across it', () => {
    expect(locksConflict(locks(at(39.99, 46.99, '2021-03-15')), locks(at(40.01, 47.01, '2021-03-15')))).toBe(
      true,
    );
  });

  it('lets claims far apart in place or in time run side by side', () => {
    const martuni = locks(at(39.79, 47.11, '2021-03-15'));
    expect(locksConflict(martuni, locks(at(48.0, 37.8, '2021-03-15')))).toBe(false);
    expect(locksConflict(martuni, locks(at(39.79, 47.11, '2021-09-15')))).toBe(false);
  });

  it('makes a claim without a point take turns with every point of its days, not of other months', () => {
    const region = locks(at(39.8, 46.8, '2021-03-15', 'region'));
    expect(locksConflict(region, locks(at(48.0, 37.8, '2021-03-16')))).toBe(true);
    expect(locksConflict(region, locks(at(48.0, 37.8, '2021-09-16')))).toBe(false);
  });

  it('makes an undated claim take turns with every other', () => {
    const undated: Claim = { ...at(39.79, 47.11, '2021-03-15'), dateBasis: 'unknown' };
    expect(locksConflict(locks(undated), locks(at(48.0, 37.8, '2024-01-01')))).toBe(true);
  });

  it('lists each key once, in ascending order, whatever the claims', () => {
    const { keys, exclusive } = locks(at(39.79, 47.11, '2021-03-15'), at(39.8, 47.12, '2021-03-16'));
    expect(keys).toEqual([...new Set(keys)].sort((a, b) => a - b));
    expect(exclusive).toHaveLength(keys.length);
    expect(exclusive).toContain(false);
    expect(exclusive).toContain(true);
  });
});
