import { describe, expect, it } from 'vitest';
import { countryAdmin1, packCountries, regionLines, simplifyLine, toleranceOf } from '../scripts/admin1.mjs';

describe('the admin-1 boundaries the build ships', () => {
  it('drops the points a line does not need, keeps its ends and its corners', () => {
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 0.0001],
          [2, 0],
        ],
        0.01,
      ),
    ).toEqual([
      [0, 0],
      [2, 0],
    ]);
    const corner = simplifyLine(
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [1.0001, 2],
      ],
      0.01,
    );
    expect(corner).toEqual([
      [0, 0],
      [1, 0],
      [1, 2],
    ]);
  });

  it('rounds to three decimals and drops the repeats rounding makes', () => {
    expect(
      simplifyLine(
        [
          [0.00011, 0],
          [0.00012, 0],
          [1.23456, 2],
        ],
        0,
      ),
    ).toEqual([
      [0, 0],
      [1.235, 2],
    ]);
  });

  it('draws a polygon ring as a line, and drops a ring that simplifies away', () => {
    const square = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ];
    expect(regionLines({ type: 'Polygon', coordinates: square }, 0.01)[0]).toHaveLength(5);
    const speck = [
      [
        [0, 0],
        [0.0001, 0],
        [0, 0.0001],
        [0, 0],
      ],
    ];
    expect(regionLines({ type: 'Polygon', coordinates: speck }, 0.01)).toEqual([]);
  });

  it('simplifies a large country more coarsely than a small one, within bounds', () => {
    expect(
      toleranceOf([
        [
          [0, 0],
          [1, 1],
        ],
      ]),
    ).toBe(0.005);
    expect(
      toleranceOf([
        [
          [0, 0],
          [180, 80],
        ],
      ]),
    ).toBe(0.05);
  });

  it('builds one collection per pack country, each region by its ISO 3166-2 code', () => {
    const countries = packCountries();
    expect(countries).toEqual(['AM', 'AZ', 'UA']);
    const ukraine = countryAdmin1('UA');
    expect(ukraine?.features.length).toBeGreaterThan(20);
    for (const f of ukraine?.features ?? []) {
      expect(f.properties.code).toMatch(/^UA-\w+$/);
      expect(f.geometry.coordinates.length).toBeGreaterThan(0);
    }
    expect(countryAdmin1('XX')).toBeNull();
  });
});
