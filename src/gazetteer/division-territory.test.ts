import { describe, expect, it } from 'vitest';
import { centreByTerritory } from './division-territory.js';
import type { GazetteerPlace } from './gazetteer.js';
import type { GeoNamesCity } from './geonames.js';

/** A square country 10 degrees a side on the equator, as one polygon. */
const LAND = new Map([
  [
    'ZZ',
    [
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    ],
  ],
]);

const division = (id: string, lat: number, lon: number): GazetteerPlace => ({
  id,
  name: id,
  names: [id],
  kind: 'region',
  country: 'ZZ',
  parent: 'zz',
  lat,
  lon,
  precision: 'region',
});

let cityId = 0;
const town = (admin1: string, lat: number, lon: number): GeoNamesCity => ({
  cityId: ++cityId,
  name: `Town ${cityId}`,
  country: 'ZZ',
  feature: 'PPL',
  admin1,
  population: 5000,
  lat,
  lon,
});

const assign = (_country: string, code: string) => `admin1:zz-${code.toLowerCase()}`;

describe('a division’s point from the territory its towns hold', () => {
  it('moves a division whose point is its capital on the edge to the middle of its land', () => {
    // West holds the western half (its towns near lon 1–3, its capital on the coast at lon 0.2),
    // East the eastern half: the line between them falls near lon 5.
    const west = division('admin1:zz-w', 5, 0.2);
    const east = division('admin1:zz-e', 5, 9.8);
    const cities = [
      town('W', 2, 2),
      town('W', 8, 2),
      town('W', 5, 3),
      town('E', 2, 8),
      town('E', 8, 8),
      town('E', 5, 7),
    ];
    const [w, e] = centreByTerritory([west, east], LAND, cities, assign);
    expect(w?.lon).toBeGreaterThan(2);
    expect(w?.lon).toBeLessThan(3);
    expect(e?.lon).toBeGreaterThan(7);
    expect(e?.lon).toBeLessThan(8);
    expect(w?.lat).toBeCloseTo(5, 0);
  });

  it('counts the empty north of a division held only by its northernmost town', () => {
    // South has all the towns but one; North one town at the top: North's land is the north.
    const south = division('admin1:zz-s', 1, 5);
    const north = division('admin1:zz-n', 9.5, 5);
    const cities = [town('S', 1, 2), town('S', 1, 5), town('S', 1, 8), town('S', 2, 5), town('N', 9, 5)];
    const [s, n] = centreByTerritory([south, north], LAND, cities, assign);
    expect(n?.lat).toBeGreaterThan(7);
    expect(s?.lat).toBeLessThan(4);
  });

  it('keeps the point of a division too small for the grid, of one with no town, and of a country with no outline', () => {
    const big = division('admin1:zz-b', 5, 5);
    const tiny = division('admin1:zz-t', 5.05, 5.05);
    const none = division('admin1:zz-x', 3, 3);
    const abroad = { ...division('admin1:yy-a', 1, 1), country: 'YY', parent: 'yy' };
    // The tiny division's one town is ringed closely by the big one's: it holds a cell or two.
    const ring = [-0.2, 0, 0.2].flatMap((dy) =>
      [-0.2, 0, 0.2].filter((dx) => dx !== 0 || dy !== 0).map((dx) => town('B', 5.05 + dy, 5.05 + dx)),
    );
    const cities = [
      town('B', 2, 2),
      town('B', 8, 8),
      ...ring,
      town('T', 5.05, 5.05),
      { ...town('A', 1, 1), country: 'YY' },
    ];
    const yy = (_c: string, code: string) => (code === 'A' ? 'admin1:yy-a' : assign(_c, code));
    const [, t, x, a] = centreByTerritory([big, tiny, none, abroad], LAND, cities, yy);
    expect(t).toBe(tiny);
    expect(x).toBe(none);
    expect(a).toBe(abroad);
  });
});
