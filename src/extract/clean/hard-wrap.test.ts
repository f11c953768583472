import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from './index.js';

const text = cleanDocument({
  bytes: readFileSync(new URL('./fixtures/hard-wrapped-bulletin.txt', import.meta.url)),
}).text;

describe('plain text hard-wrapped at a fixed width', () => {
  it.each([
    'staffed by soldiers of the 5th brigade and',
    'two by the local police, and noted that the barrier at the second one had been rebuilt since their last visit in',
    'A spokesman for the mission said the patrol would return next week to check the repairs to the',
    'bridge, which engineers of both sides began on Monday.',
    'The patrol ended at the river crossing without incident.',
  ])('keeps the parts of a sentence that runs over lines: %s', (part) => {
    expect(text).toContain(part);
  });
});
