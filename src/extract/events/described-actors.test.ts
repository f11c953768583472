import { describe, expect, it } from 'vitest';
import { describedGroup, describedVictims } from './described-actors.js';

describe('actors written as descriptions', () => {
  it('takes the name of a group after or before the word "group"', () => {
    expect(describedGroup('The separatist group Sea Wolves fired mortars')).toBe('Sea Wolves');
    expect(describedGroup('armed members of the pro-Delta group')).toBe('pro-Delta');
  });

  it('takes the name before a group word and after "from"', () => {
    expect(describedGroup('Hill Front insurgents attacked')).toBe('Hill Front insurgents');
    expect(describedGroup('gunmen from the Northern Brigade stormed the post')).toBe('Northern Brigade');
    expect(describedGroup('militants set fire to the camp')).toBe('militants');
    expect(describedGroup('the army said')).toBeNull();
  });

  it('takes the victims as counted, with the words before the noun', () => {
    expect(describedVictims('a bomb killed one army ranger')).toBe('army ranger');
    expect(describedVictims('five Chadian soldiers were killed in the blast')).toBe('Chadian soldiers');
    expect(describedVictims('the army said nothing')).toBeNull();
  });
});
