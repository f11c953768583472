import { describe, expect, it } from 'vitest';
import { findFigures } from './figures.js';
import { findNumbers } from './numbers.js';

const figures = (text: string) => findFigures(text, findNumbers(text)).map((f) => [f.kind, f.best, f.unit]);

describe('casualties written without a digit', () => {
  it('counts one casualty named by a singular noun, an appositive or "another"', () => {
    expect(figures('A Nepalese peacekeeper was killed near the camp.')).toEqual([
      ['killed', 1, 'Nepalese peacekeeper'],
    ]);
    expect(figures('A Danish citizen, a driver for the agency, was killed.')).toEqual([
      ['killed', 1, 'Danish citizen'],
    ]);
    expect(figures('Another was badly injured.')).toEqual([['injured', 1, 'people']]);
    expect(figures('One of its drivers was wounded at the gate.')).toEqual([['injured', 1, 'drivers']]);
  });

  it('counts two singular people joined by "and"', () => {
    expect(figures('A farmer and a boy were killed in the orchard.')).toEqual([
      ['killed', 2, 'farmer and boy'],
    ]);
  });

  it('counts a number told only by what happened to it', () => {
    expect(figures('Nine were killed and over 30 died later.').map((f) => f.slice(0, 2))).toEqual([
      ['killed', 9],
      ['killed', 30],
    ]);
    expect(figures('nearly half a million have been displaced')[0]?.[0]).toBe('displaced');
    expect(figures('three were taken to hospital')[0]?.slice(0, 2)).toEqual(['injured', 3]);
  });
});

describe('what else a ceasefire report counts', () => {
  it('reads "lives" as deaths even before another outcome word', () => {
    expect(figures('The war has claimed some 9,000 lives and displaced thousands.')[0]?.slice(0, 2)).toEqual([
      'killed',
      9000,
    ]);
  });

  it('counts prisoners and hostages handed back as returned, and "handed over" is no "more than"', () => {
    const f = findFigures(
      'The group handed over 24 hostages.',
      findNumbers('The group handed over 24 hostages.'),
    );
    expect(f[0]).toMatchObject({ kind: 'returned', best: 24, qualifier: 'exact' });
    expect(figures('Both sides freed 40 Eritreans.')[0]?.slice(0, 2)).toEqual(['returned', 40]);
    expect(figures('60 detainees were released at the border')[0]?.[0]).toBe('returned');
  });

  it('counts police, trucks in a hyphenated convoy and patrol members as monitors', () => {
    expect(figures('six police were wounded')[0]?.slice(0, 2)).toEqual(['injured', 6]);
    expect(figures('the 35-truck convoy was stopped')[0]?.slice(0, 2)).toEqual(['vehicles', 35]);
    expect(figures('a patrol of 4 patrol members and one vehicle')[0]?.slice(0, 2)).toEqual(['monitors', 4]);
  });

  it('counts violations given as a number of times a verb of fire happened', () => {
    expect(figures('Forces shelled the outskirts 14 times over the past day.')[0]?.slice(0, 2)).toEqual([
      'violations',
      14,
    ]);
    expect(figures('He called 14 times.')).toEqual([]);
  });
});
