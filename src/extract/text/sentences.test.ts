import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from './sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not end a sentence after titles, initials, acronyms or abbreviated months', () => {
    const text = 'Gen. Rustam Muradov met U.S. envoys on Nov. 10 in the town. He left at dawn.';
    expect(texts(text)).toEqual([
      'Gen. Rustam Muradov met U.S. envoys on Nov. 10 in the town.',
      'He left at dawn.',
    ]);
  });

  it('ends a sentence at a paragraph break even without punctuation', () => {
    expect(texts('Peacekeepers arrive\n\nThe convoy crossed at noon.')).toEqual([
      'Peacekeepers arrive',
      'The convoy crossed at noon.',
    ]);
  });

  it('ends a sentence after a closing quote that follows the full stop', () => {
    expect(texts('He said "We are ready." Then he left.')).toEqual([
      'He said "We are ready."',
      'Then he left.',
    ]);
  });

  it('numbers paragraphs and finds the sentence around an offset', () => {
    const text = 'One. Two.\nThree.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    expect(sentenceAt(sentences, text.indexOf('Three'))?.paragraph).toBe(1);
  });

  it('cuts a run-on line into bounded pieces', () => {
    const text = 'word '.repeat(5000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(1);
    expect(Math.max(...sentences.map((s) => s.end - s.start))).toBeLessThanOrEqual(4000);
  });
});
