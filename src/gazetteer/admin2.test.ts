import { describe, expect, it } from 'vitest';
import { countyPlaces } from './admin2.js';

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
