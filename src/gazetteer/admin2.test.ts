import { describe, expect, it } from 'vitest';
import type { GazetteerPlace } from './gazetteer.js';
import { countyPlaces, placedByAdmin2 } from './admin2.js';

const admin1Of = (country: string, code: string) => `admin1:${country.toLowerCase()}-${code.toLowerCase()}`;
const town = (admin2: string, lat: number, lon: number) => ({
  country: 'US',
  admin1: 'ZZ',
  admin2,
  lat,
  lon,
});

describe('second-level divisions named with a kind word', () => {
  it('places a county at the centre of its towns, inside its first-level division', () => {
    const [county] = countyPlaces(
      [{ code: 'US.ZZ.001', name: 'Birch Hollow County' }],
      [town('001', 10, 20), town('001', 12, 22), town('002', 50, 50)],
      admin1Of,
    );
    expect(county).toMatchObject({ name: 'Birch Hollow County', parent: 'admin1:us-zz', lat: 11, lon: 21 });
    expect(county?.precision).toBe('district');
  });

  it('leaves out one-word names, names without a kind word, and divisions without towns', () => {
    const rows = [
      { code: 'US.ZZ.001', name: 'Birch' },
      { code: 'US.ZZ.002', name: 'Birch Hollow' },
      { code: 'US.ZZ.003', name: 'Cedar Parish' },
    ];
    expect(countyPlaces(rows, [town('001', 1, 1), town('002', 1, 1)], admin1Of)).toEqual([]);
  });
});

describe('first-level divisions without towns of their own', () => {
  const unplaced = (name: string): GazetteerPlace => ({
    id: `admin1:zz-${name.length}`,
    name,
    names: [name],
    kind: 'region',
    country: 'ZZ',
    parent: 'zz',
    lat: 0,
    lon: 0,
    precision: 'country',
  });
  const rows = [
    { code: 'ZZ.A.01', name: 'Brackenshire' },
    { code: 'ZZ.A.02', name: 'Fenmouth' },
    { code: 'ZZ.B.07', name: 'Twinford' },
    { code: 'ZZ.C.08', name: 'Twinford' },
  ];
  const towns = [
    { country: 'ZZ', admin1: 'A', admin2: '01', lat: 51, lon: 1 },
    { country: 'ZZ', admin1: 'A', admin2: '01', lat: 53, lon: 1 },
    { country: 'ZZ', admin1: 'A', admin2: '02', lat: 40, lon: 5 },
    { country: 'ZZ', admin1: 'B', admin2: '07', lat: 10, lon: 10 },
    { country: 'ZZ', admin1: 'C', admin2: '08', lat: 20, lon: 20 },
  ];

  it('takes the centre of the towns of the second-level division of its name', () => {
    const [county, city] = placedByAdmin2(
      [unplaced('Brackenshire'), unplaced('City of Fenmouth')],
      rows,
      towns,
    );
    expect(county).toMatchObject({ lat: 52, lon: 1, precision: 'region' });
    expect(city).toMatchObject({ lat: 40, lon: 5, precision: 'region' });
  });

  it('stays at its country when two second-level divisions bear its name', () => {
    const [twin] = placedByAdmin2([unplaced('Twinford')], rows, towns);
    expect(twin?.precision).toBe('country');
  });
});
