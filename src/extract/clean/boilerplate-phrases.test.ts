import { describe, expect, it } from 'vitest';
import { isBoilerplatePhrase } from './boilerplate-phrases.js';

describe('recognising page furniture by its wording', () => {
  it.each([
    'Please enter your comment!',
    'Please enter your name here',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    'Related Articles',
    'Back to top',
    'Share on Facebook | Share on Twitter | Email',
    'Editing and Translating by Someone Else',
    'Photo: Reuters',
    '(AFP)',
    'Tags: ceasefire, corridor',
    'KarabakhCeasefirePeacekeepersLachin',
    'Lire aussi',
    'Читайте также',
    'Copyright 2024 Example News. All rights reserved.',
    'Related: Talks resume in the capital',
    'ALSO READ | Envoy to visit the border next week',
    'Also check out...',
  ])('treats %j as furniture', (text) => {
    expect(isBoilerplatePhrase(text)).toBe(true);
  });

  it.each([
    'Reporters asked whether the cookies handed out at the checkpoint were a gesture of goodwill.',
    'The share of displaced families who returned rose to a third, the agency said.',
    'Photographers were barred from the area on Tuesday.',
    'Related talks in Geneva ended without agreement.',
    'He said the source of the shelling was unclear.',
    'Related: the talks were postponed, the envoy said.',
  ])('keeps the sentence %j', (text) => {
    expect(isBoilerplatePhrase(text)).toBe(false);
  });
});
