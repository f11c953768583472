import { describe, expect, it } from 'vitest';
import type { Place } from '../theatre/schema.js';
import { buildLabelTable, labelsIn, MAX_LABELS } from './map-places.js';

const place = (over: Partial<Place>): Place => ({
  id: 'x',
  name: 'X',
  names: ['X'],
  kind: 'settlement',
  country: 'AM',
  parent: null,
  lat: 40,
  lon: 45,
  ...over,
});

describe('the place names of the map', () => {
  const towns = [
    { name: 'Smalltown', lat: 40.5, lon: 45.5, population: 2_000 },
    { name: 'Bigcity', lat: 40.2, lon: 44.5, population: 1_000_000 },
    { name: 'Geonames Spelling', lat: 39.8, lon: 46.75, population: 50_000 },
  ];
  const places = [
    place({ id: 'a', name: 'Pack Name / Other Name', lat: 39.81, lon: 46.76 }),
    place({ id: 'b', name: 'Hamlet', lat: 41, lon: 44 }),
    place({ id: 'c', name: 'A corridor', kind: 'corridor', lat: 39.5, lon: 46.4 }),
  ];
  const table = buildLabelTable(towns, places);

  it('lists the most populous first, a town at a theatre settlement under the pack name', () => {
    expect(labelsIn(table, [40, 35, 50, 45]).map((l) => l.name)).toEqual([
      'Bigcity',
      'Pack Name / Other Name',
      'Smalltown',
      'Hamlet',
    ]);
  });

  it('keeps to the box and to at most MAX_LABELS', () => {
    expect(labelsIn(table, [45, 40, 46, 41]).map((l) => l.name)).toEqual(['Smalltown']);
    const many = buildLabelTable(
      Array.from({ length: MAX_LABELS + 5 }, (_, i) => ({ name: `T${i}`, lat: 1, lon: 1, population: i })),
      [],
    );
    expect(labelsIn(many, [0, 0, 2, 2])).toHaveLength(MAX_LABELS);
  });

  it('draws the theatre places that are not areas or settlements as features', () => {
    expect(table.features).toEqual([
      {
        id: 'c',
        name: 'A corridor',
        kind: 'corridor',
        geometry: { type: 'Point', coordinates: [46.4, 39.5] },
      },
    ]);
  });
});
