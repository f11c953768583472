import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query.js';
import { snippetOf, type SnippetPart } from './search-snippet.js';

const marks = (parts: readonly SnippetPart[]) => parts.filter((p) => p.mark).map((p) => p.text);
const text = (parts: readonly SnippetPart[]) => parts.map((p) => p.text).join('');
const snippet = (body: string, q: string, words?: number) => snippetOf(body, parseSearchQuery(q), words);

describe('snippetOf', () => {
  it('marks the words, prefixes and phrases the query finds, never an excluded one', () => {
    const body = 'Mortar rounds hit the granary; a second mortar, then rounds of small arms fire.';
    expect(marks(snippet(body, 'granary'))).toEqual(['granary']);
    expect(marks(snippet(body, 'gran*'))).toEqual(['granary']);
    expect(marks(snippet(body, '"mortar rounds"'))).toEqual(['Mortar', 'rounds']);
    expect(marks(snippet(body, 'granary -mortar'))).toEqual(['granary']);
    expect(marks(snippet(body, '"rounds mortar"'))).toEqual([]);
    expect(text(snippet(body, 'granary'))).toBe(body);
  });

  it('folds case and diacritics as the index does', () => {
    expect(marks(snippet('Residents of Ağdere gathered.', 'agdere'))).toEqual(['Ağdere']);
    expect(marks(snippet('École primaire', 'ecole'))).toEqual(['École']);
  });

  it('shows the stretch holding the matches, with … where text is left out', () => {
    const filler = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
    const body = `${filler(50, 'alpha')} the ceasefire held ${filler(50, 'omega')}`;
    const parts = snippet(body, 'ceasefire', 10);
    expect(marks(parts)).toEqual(['ceasefire']);
    expect(text(parts)).toMatch(/^….*…$/);
    expect(text(parts).match(/\p{L}+/gu)).toHaveLength(10);
    // Centred: words on both sides of the match.
    expect(text(parts)).toMatch(/alpha .*ceasefire.* omega/);
  });

  it('prefers the stretch with the most matches', () => {
    const body = `truce once, then ${'calm '.repeat(40)}truce and truce again`;
    expect(marks(snippet(body, 'truce', 6))).toEqual(['truce', 'truce']);
  });

  it('starts at the beginning when nothing is marked, and is empty for no text', () => {
    expect(text(snippet('one two three four', 'absent', 2))).toBe('one two…');
    expect(snippetOf(null, parseSearchQuery('x'))).toEqual([]);
    expect(snippetOf('  …  ', parseSearchQuery('x'))).toEqual([]);
  });
});
