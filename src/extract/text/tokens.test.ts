import { describe, expect, it } from 'vitest';
import { foldWord } from './fold.js';
import { addPhrase, createTrie, matchPhrases } from './phrase-trie.js';
import { tokenize } from './tokens.js';

describe('tokenize', () => {
  it('splits on hyphens and punctuation and keeps offsets', () => {
    const text = 'Nagorno-Karabakh, Erdoğan’s';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['nagorno', 'karabakh', 'erdogan', 's']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('folds Azerbaijani and Turkish letters', () => {
    expect(foldWord('Xankəndi')).toBe('xankendi');
    expect(foldWord('Bakı')).toBe('baki');
  });
});

describe('matchPhrases', () => {
  it('takes the longest phrase and needs words to be adjacent', () => {
    const trie = createTrie<string>();
    addPhrase(trie, ['lachin'], 'town');
    addPhrase(trie, ['lachin', 'corridor'], 'corridor');
    const text = 'the Lachin corridor and Lachin. Corridor';
    const found = matchPhrases(text, tokenize(text), trie, { requireCap: true });
    expect(found.map((m) => m.values[0])).toEqual(['corridor', 'town']);
  });
});
