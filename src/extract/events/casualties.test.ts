import { describe, expect, it } from 'vitest';
import { casualtiesIn, CONTINUES_CASUALTIES } from './casualties.js';

const read = (text: string) => {
  const c = casualtiesIn(text, [], 0, text.length);
  return [c.killed?.best ?? null, c.injured?.best ?? null];
};

describe('casualties written without a figure', () => {
  it('counts people joined by "and"', () => {
    expect(read('A farmer and a boy were killed when the shell landed.')).toEqual([2, null]);
    expect(read('A Kenyan guard and another from Uganda were wounded.')).toEqual([null, 2]);
  });

  it('counts one person named by what they are, and "another hurt"', () => {
    expect(read('A U.N. engineer was killed and another seriously hurt.')).toEqual([1, 1]);
  });

  it('reads the dead and those taken to hospital', () => {
    expect(read('one crew member has died and two crew members have been taken to hospital')).toEqual([1, 2]);
  });

  it('never reads a count out of a date', () => {
    expect(read('2020-11-24 An aid worker has been killed.')).toEqual([1, null]);
  });

  it('knows a sentence that continues the casualties of the one before', () => {
    expect(CONTINUES_CASUALTIES.test('Four others were wounded.')).toBe(true);
    expect(CONTINUES_CASUALTIES.test('A third person was injured.')).toBe(true);
    expect(CONTINUES_CASUALTIES.test('Four soldiers were wounded.')).toBe(false);
  });
});
