import { describe, expect, it } from 'vitest';
import { splitInlineFurniture } from './inline-furniture.js';
import { isFurnitureUnit } from './paragraph-classifier.js';

const stripInlineFurniture = (paragraph: string): string =>
  splitInlineFurniture(paragraph, isFurnitureUnit).join(' | ');

describe('furniture glued into a paragraph', () => {
  it('cuts a teaser header and its headline glued before the paragraph', () => {
    expect(
      stripInlineFurniture(
        'See alsoEnvoy to visit the border next week"The patrol was stopped twice," the mission said.',
      ),
    ).toBe('"The patrol was stopped twice," the mission said.');
  });

  it('drops a glued teaser that has nothing after it', () => {
    expect(stripInlineFurniture('Read alsoEnvoy to visit the border next week')).toBe('');
  });

  it('cuts an agency dateline strip glued after the last sentence', () => {
    expect(
      stripInlineFurniture(
        'Both sides pulled their guns back, the ministry said.AGENCY | Velin | Updated: 03-03-2021 09:40 IST | Created: 03-03-2021 09:31 IST',
      ),
    ).toBe('Both sides pulled their guns back, the ministry said.');
  });

  it('cuts a syndication tag before the dateline, keeping a leading date stamp', () => {
    expect(
      stripInlineFurniture(
        'date 2021-03-03 (Syndicator- Example Network) VELIN, Mar 3 (WIRE) – The council met.',
      ),
    ).toBe('date 2021-03-03 VELIN, Mar 3 (WIRE) – The council met.');
  });

  it('cuts an agency sign-off in capitals after the last sentence', () => {
    expect(stripInlineFurniture('The mandate has been renewed every year since.– WIRE-NEWS')).toBe(
      'The mandate has been renewed every year since.',
    );
  });

  it('leaves a paragraph with names in mixed case and a dashed ending alone', () => {
    const paragraph =
      'Officials met McAllister in the capital. The talks ended in a draw — neither side moved.';
    expect(stripInlineFurniture(paragraph)).toBe(paragraph);
  });

  it('cuts a widget line glued after the last sentence', () => {
    expect(stripInlineFurniture('Neither side commented.Loading Disqus Comments ...')).toBe(
      'Neither side commented.',
    );
  });

  it('makes a teaser header glued after the last sentence a unit of its own', () => {
    expect(splitInlineFurniture('Neither side commented.ALSO READ', isFurnitureUnit)).toEqual([
      'Neither side commented.',
      'ALSO READ',
    ]);
  });

  it('leaves a caption whole for the caption rule', () => {
    const caption = 'FAMILIES WAIT AT THE CROSSING ON 3 MAY 2021.PHOTO: THE DAILY LEDGER';
    expect(splitInlineFurniture(caption, isFurnitureUnit)).toEqual([caption]);
  });

  it('leaves a sentence that ends with a date alone', () => {
    const paragraph = 'The last exchange took place in Velin. It was on 3 March 2021';
    expect(stripInlineFurniture(paragraph)).toBe(paragraph);
  });
});
