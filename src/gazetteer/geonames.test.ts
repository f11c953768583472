import { describe, expect, it } from 'vitest';
import { admin1Assigner, admin1Places } from './admin1.js';
import { isUsableCityName, type GeoNamesCity } from './geonames.js';
import { defaultGazetteer } from './load.js';
import { buildTownIndex, openTownIndex } from './town-index.js';

const city = (
  cityId: number,
  name: string,
  country: string,
  population: number,
  admin1 = '',
): GeoNamesCity => ({
  cityId,
  name,
  country,
  feature: 'PPL',
  admin1,
  population,
  lon: 45,
  lat: 40,
});

describe('the world towns', () => {
  it('skips short single words, common English words and phrases that name other things', () => {
    expect(isUsableCityName('Van')).toBe(false);
    expect(isUsableCityName('Side')).toBe(false);
    expect(isUsableCityName('White House')).toBe(false);
    expect(isUsableCityName('Ijevan')).toBe(true);
    expect(isUsableCityName('Nor Hachn')).toBe(true);
  });

  it('indexes towns by folded name, most populous first, and finds them by id', () => {
    const text = buildTownIndex(
      [city(1, 'Smallton', 'AM', 1200), city(2, 'Bigtown', 'AM', 9000), city(3, 'Smallton', 'FR', 5000)],
      () => null,
      'test',
    );
    const table = openTownIndex(text);
    expect(table.size).toBe(3);
    expect(table.lookup('smallton').map((t) => t.id)).toEqual(['geonames:3', 'geonames:1']);
    expect(table.lookup('nowhere')).toEqual([]);
    expect(table.byId('geonames:2')).toMatchObject({
      name: 'Bigtown',
      country: 'AM',
      parent: 'am',
      precision: 'near',
    });
  });

  it('lists every town once, most populous first, though filed under several names', () => {
    const text = buildTownIndex(
      [city(1, 'Smallton', 'AM', 1200), city(2, 'Bigtown', 'AM', 9000)],
      () => null,
      'test',
      () => undefined,
      new Map([[2, ['Big Town', 'Bigtown-on-Sea']]]),
    );
    const towns = openTownIndex(text).everyTown();
    expect(towns.map((t) => t.name)).toEqual(['Bigtown', 'Smallton']);
    expect(towns[0]).toMatchObject({ lat: 40, lon: 45, population: 9000 });
  });

  it('files a metropolis GeoNames names "<its division> City" under the division’s name too', () => {
    const names = new Map([
      ['admin1:xa-me', 'Meridia'],
      ['admin1:xa-lo', 'Lowland'],
    ]);
    const text = buildTownIndex(
      [city(1, 'Meridia City', 'XA', 2_500_000, 'ME'), city(2, 'Lowland City', 'XA', 60_000, 'LO')],
      (_country, code) => `admin1:xa-${code.toLowerCase()}`,
      'test',
      (id) => names.get(id),
    );
    const table = openTownIndex(text);
    expect(table.lookup('meridia').map((t) => t.name)).toEqual(['Meridia City']);
    expect(table.lookup('meridia city').map((t) => t.id)).toEqual(['geonames:1']);
    expect(table.lookup('lowland')).toEqual([]);
    expect(table.size).toBe(2);
  });

  it('puts a town inside its division: by code where GeoNames uses ISO letters, else the nearest', () => {
    const divisions = admin1Places([
      { name: 'Aramia Province', isoCode: '01', countryCode: 'XA', latitude: '41', longitude: '45' },
      { name: 'Belora Province', isoCode: '02', countryCode: 'XA', latitude: '30', longitude: '45' },
      { name: 'Lakeland', isoCode: 'LK', countryCode: 'XB', latitude: '0', longitude: '0' },
    ]);
    expect(divisions.map((d) => [d.id, d.names])).toEqual([
      ['admin1:xa-01', ['Aramia Province', 'Aramia']],
      ['admin1:xa-02', ['Belora Province', 'Belora']],
      ['admin1:xb-lk', ['Lakeland']],
    ]);
    const assign = admin1Assigner(divisions, [city(1, 'Upton', 'XA', 2000, '07')]);
    expect(assign('XA', '07')).toBe('admin1:xa-01');
    expect(assign('XB', 'LK')).toBe('admin1:xb-lk');
  });

  it('holds the towns of every country, looked up by id without listing them', () => {
    const g = defaultGazetteer();
    expect(g.towns.size).toBeGreaterThan(100_000);
    expect(g.byId.get('geonames:616627')).toMatchObject({ name: 'Ijevan', country: 'AM' });
    expect(g.byId.get('geonames:2988507')).toMatchObject({ name: 'Paris', country: 'FR' });
    expect(g.byId.get('az-shusha')?.kind).toBe('settlement');
    expect(g.byId.get('admin1:us-tx')).toMatchObject({ name: 'Texas', kind: 'region', parent: 'us' });
  });
});
