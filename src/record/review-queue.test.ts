import { describe, expect, it } from 'vitest';
import { excerptAround } from './review-queue.js';

describe('the excerpt a card shows', () => {
  const text = 'The night was calm. At dawn two shells fell near the school in the village. Nobody was hurt.';
  it('holds the evidence with some words around it, cut at word boundaries', () => {
    const start = text.indexOf('two shells');
    const excerpt = excerptAround(text, [{ start, end: start + 10 }], { context: 12, max: 200 });
    expect(excerpt.text).toBe(text.slice(excerpt.start, excerpt.end));
    expect(excerpt.text).toContain('two shells');
    expect(excerpt.text).toMatch(/^\S/);
    expect(text.charAt(excerpt.start - 1)).toBe(' ');
    expect([' ', '.'].includes(text.charAt(excerpt.end)) || excerpt.end === text.length).toBe(true);
  });
  it('opens the text when there is no evidence, and never runs past the longest excerpt', () => {
    const excerpt = excerptAround(text, [], { context: 30, max: 40 });
    expect(excerpt.start).toBe(0);
    expect(excerpt.end).toBeLessThanOrEqual(40);
    expect(
      excerptAround(text, [{ start: 0, end: text.length }], { context: 5, max: 20 }).text.length,
    ).toBeLessThanOrEqual(20);
  });
});
