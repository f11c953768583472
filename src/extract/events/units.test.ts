import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/sentences.js';
import { isTitleLine, joinBrokenSentences } from './units.js';

describe('sentences as the event stage reads them', () => {
  it('joins a sentence cut after a time of day', () => {
    const text = 'A mine went off at 5:50 a.m. (GMT) under a patrol near the depot. Nobody was hurt.';
    const units = joinBrokenSentences(text, splitSentences(text));
    expect(units.map((u) => text.slice(u.start, u.end))[0]).toContain('under a patrol');
  });

  it('knows a headline by its missing stop', () => {
    const text = 'Mine hits patrol near depot\n\nA mine hit a patrol.';
    const [title, body] = splitSentences(text);
    expect(title && isTitleLine(text, title)).toBe(true);
    expect(body && isTitleLine(text, body)).toBe(false);
  });
});
