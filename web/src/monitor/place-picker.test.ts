import { describe, expect, it } from 'vitest';
import { matchPlaces, type PickablePlace } from './place-picker.js';

// Invented places, each with the spellings two parties and a transliteration give it.
const PLACES: PickablePlace[] = [
  { id: 'p-1', name: 'Verin Dzor / Üst Dərə', names: ['Verin Dzor', 'Üst Dərə', 'Ust Dere'] },
  { id: 'p-2', name: 'Norashen / Yeni Kənd', names: ['Norashen', 'Yeni Kənd', 'Novoye Selo'] },
  { id: 'p-3', name: 'Dere Bashi', names: ['Dere Bashi'] },
];

describe('the place picker', () => {
  it('finds a place by any of its spellings, case and accents aside, by the spelling typed', () => {
    expect(matchPlaces(PLACES, 'UST').map((m) => m.spelling)).toEqual(['Üst Dərə']);
    expect(matchPlaces(PLACES, 'yeni kend').map((m) => [m.place.id, m.spelling])).toEqual([
      ['p-2', 'Yeni Kənd'],
    ]);
    expect(matchPlaces(PLACES, 'novoye')[0]?.place.id).toBe('p-2');
  });

  it('lists names that start with the letters first, then names with a word that does', () => {
    expect(matchPlaces(PLACES, 'dere').map((m) => m.place.id)).toEqual(['p-3', 'p-1']);
  });

  it('lists nothing for nothing typed, and at most eight places', () => {
    expect(matchPlaces(PLACES, '  ')).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `m-${i}`,
      name: `Town ${i}`,
      names: [`Town ${i}`],
    }));
    expect(matchPlaces(many, 'town')).toHaveLength(8);
  });
});
