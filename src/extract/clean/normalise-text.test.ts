import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinParagraphs, normaliseParagraph, straightenQuotes } from './normalise-text.js';

describe('normalising text', () => {
  it('straightens curly and angle quotes one character for one', () => {
    expect(straightenQuotes('“Stop,” he said, ‘now’ «ici»')).toBe('"Stop," he said, \'now\' "ici"');
  });

  it('never changes the length of a string when straightening quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => straightenQuotes(text).length === text.length),
    );
  });

  it('collapses whitespace runs, non-breaking spaces and line breaks to one space', () => {
    expect(normaliseParagraph('  Two\u00a0\u00a0soldiers \n\t were   hurt.\u200b ')).toBe(
      'Two soldiers were hurt.',
    );
  });

  it('joins paragraphs with one blank line and drops empty ones', () => {
    expect(joinParagraphs(['First.', '   ', 'Second.'])).toBe('First.\n\nSecond.');
  });
});
