import { describe, expect, it } from 'vitest';
import { findFigures } from './figures.js';
import { findNumbers } from './numbers.js';

const figures = (text: string) =>
  findFigures(text, findNumbers(text)).map((f) => [f.kind, f.best, f.qualifier, text.slice(f.start, f.end)]);

describe('findFigures', () => {
  it('classifies by the head of the counted noun', () => {
    expect(figures('A force of 1,960 soldiers and 90 armored personnel carriers.')).toEqual([
      ['troops', 1960, 'exact', '1,960 soldiers'],
      ['vehicles', 90, 'exact', '90 armored personnel carriers'],
    ]);
  });

  it("reads an organisation's name between a number and its noun as part of the unit", () => {
    expect(figures('Three United Nations Mission soldiers were wounded.')[0]?.slice(0, 2)).toEqual([
      'injured',
      3,
    ]);
    expect(figures('Two United Nations observers were killed.')[0]?.[3]).toBe('Two United Nations observers');
  });

  it('counts the dead from the words around the number', () => {
    expect(figures('killing two crew members')[0]?.[0]).toBe('killed');
    expect(figures('more than 1,400 people confirmed dead')[0]?.slice(0, 3)).toEqual([
      'killed',
      1400,
      'more_than',
    ]);
    expect(figures('wounding about a dozen others')[0]?.[0]).toBe('injured');
  });

  it('lets "including" carry the kind to a vague count', () => {
    const f = figures('with 1,400 people dead, including dozens of civilians');
    expect(f[1]?.slice(0, 3)).toEqual(['killed', 24, 'dozens']);
  });

  it('does not count casualties as deaths', () => {
    expect(figures('the attack caused 14 casualties')[0]?.[0]).toBe('casualties');
  });

  it('skips years, durations, datelines and idioms', () => {
    expect(
      figures('in 2018, a five-year mission, nearly 30 years ago, March 4 - Members, the two sides'),
    ).toEqual([]);
    expect(figures('one of the organisers said')).toEqual([]);
  });

  it('counts violations, detentions and displacement', () => {
    expect(figures('312 ceasefire violations')[0]?.[0]).toBe('violations');
    expect(figures('17 people were detained')[0]?.[0]).toBe('detained');
    expect(figures('dozens of families had fled')[0]?.[0]).toBe('displaced');
  });
});
