import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers.js';

const one = (text: string) => {
  const n = findNumbers(text)[0];
  return n ? { low: n.low, best: n.best, high: n.high, qualifier: n.qualifier } : undefined;
};

describe('findNumbers', () => {
  it('reads digits with thousands separators, spaces and scale words', () => {
    expect(one('1,960 soldiers')?.best).toBe(1960);
    expect(one('11 000 troops')?.best).toBe(11000);
    expect(one('2.5 million people')?.best).toBe(2500000);
  });

  it('reads numbers written as words', () => {
    expect(one('two crew members')?.best).toBe(2);
    expect(one('twenty-five villages')?.best).toBe(25);
    expect(one('three hundred shells')?.best).toBe(300);
  });

  it('keeps the uncertainty of qualified and vague numbers', () => {
    expect(one('more than 1,400 dead')).toEqual({
      low: 1400,
      best: 1400,
      high: null,
      qualifier: 'more_than',
    });
    expect(one('at least three civilians')).toEqual({ low: 3, best: 3, high: null, qualifier: 'at_least' });
    expect(one('about 2,000 peacekeepers')).toEqual({
      low: 1800,
      best: 2000,
      high: 2200,
      qualifier: 'about',
    });
    expect(one('up to 50 monitors')).toEqual({ low: null, best: 50, high: 50, qualifier: 'up_to' });
    expect(one('nearly 30 years')?.qualifier).toBe('nearly');
    expect(one('dozens of civilians')).toEqual({ low: 12, best: 24, high: 99, qualifier: 'dozens' });
    expect(one('several thousand demonstrators')?.qualifier).toBe('thousands');
  });

  it('reads ranges', () => {
    expect(one('between 20 and 30 explosions')).toEqual({
      low: 20,
      best: 25,
      high: 30,
      qualifier: 'between',
    });
    expect(one('40-50 shells')).toEqual({ low: 40, best: 45, high: 50, qualifier: 'between' });
  });

  it('marks bare four-digit years and skips ordinals', () => {
    expect(findNumbers('in 1991')[0]?.isYear).toBe(true);
    expect(findNumbers('the 21st century')).toEqual([]);
  });

  it('keeps low ≤ best ≤ high', () => {
    for (const n of findNumbers('about 7, more than 9, up to 4, between 3 and 8, dozens, 12')) {
      if (n.low !== null) expect(n.low).toBeLessThanOrEqual(n.best);
      if (n.high !== null) expect(n.best).toBeLessThanOrEqual(n.high);
    }
  });
});
