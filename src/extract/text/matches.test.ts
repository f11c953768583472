import { describe, expect, it } from 'vitest';
import { allMatches } from './matches.js';

const shape = (ms: readonly RegExpMatchArray[]) => ms.map((m) => [m.index, ...m]);

describe('allMatches', () => {
  it('gives the matches matchAll gives, groups and offsets included', () => {
    const re = /(\p{Lu})(\p{Ll}*)/gu;
    const text = 'Troops entered Goris and Shusha.';
    expect(shape(allMatches(re, text))).toEqual(shape([...text.matchAll(re)]));
  });

  it('moves past empty matches as matchAll does, by code point under the u flag', () => {
    const text = 'a😀b';
    expect(shape(allMatches(/x*/gu, text))).toEqual(shape([...text.matchAll(/x*/gu)]));
    expect(shape(allMatches(/x*/g, text))).toEqual(shape([...text.matchAll(/x*/g)]));
  });

  it('stops at the limit and leaves the pattern at lastIndex 0', () => {
    const re = /\d/g;
    expect(allMatches(re, 'a1b2c3', 2).map((m) => m[0])).toEqual(['1', '2']);
    expect(re.lastIndex).toBe(0);
  });

  it('refuses a pattern without the g flag, naming it', () => {
    expect(() => allMatches(/\d/, '1')).toThrow(/\\d.*needs the g flag/);
  });
});
