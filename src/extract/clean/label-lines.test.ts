import { describe, expect, it } from 'vitest';
import { isCapitalsLine, isLabelLine } from './label-lines.js';

describe('tag, category and author lines', () => {
  it.each([
    ['a topic line', 'Topics: Ceasefire, Monitoring, Prisoners'],
    ['a category line with a bar', 'Category | World'],
    ['a posted-in line', 'Posted in Africa, Peacekeeping'],
    ['an author line', 'Author: Jane Roe'],
    ['a French section line', 'Rubrique : International'],
    ['a Russian category line', 'Рубрика: Политика'],
    ['a strip of labels between bars', 'World | Africa | Peacekeeping'],
    ['a strip of hashtags', '#Truce #Patrols #Monitors'],
    ['a breadcrumb trail', 'Home > World > Africa'],
  ])('drops %s', (_phenomenon, line) => {
    expect(isLabelLine(line)).toBe(true);
  });

  it.each([
    'Talks resumed in the capital, the envoy said.',
    'Velin, Dorn and Kessa',
    'Section 4 of the agreement obliges both sides to withdraw.',
    'The authors of the report said monitors were denied access twice.',
  ])('keeps %j', (line) => {
    expect(isLabelLine(line)).toBe(false);
  });
});

describe('lines in capitals', () => {
  it('reads a short unterminated capitals line as a credit or section line', () => {
    expect(isCapitalsLine('WIRE SERVICES / STAFF')).toBe(true);
  });

  it('does not read a sentence or mixed-case text as one', () => {
    expect(isCapitalsLine('The UN said so.')).toBe(false);
    expect(isCapitalsLine('THE SHELLING STOPPED AT DAWN.')).toBe(false);
  });
});
