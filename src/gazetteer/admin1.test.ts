import { describe, expect, it } from 'vitest';
import { admin1Assigner, centreByTowns, nameKey, placeDivisions } from './admin1.js';
import { countryLand } from './country-land.js';
import type { GazetteerPlace } from './gazetteer.js';
import type { GeoNamesCity } from './geonames.js';
import { defaultGazetteer } from './load.js';
import { distanceKm } from './resolve.js';

const division = (id: string, name: string, country: string, lat: number, lon: number): GazetteerPlace => ({
  id,
  name,
  names: [name],
  kind: 'region',
  country,
  parent: country.toLowerCase(),
  lat,
  lon,
  precision: 'region',
});
const town = (name: string, country: string, population: number, lat: number, lon: number): GeoNamesCity => ({
  cityId: population,
  name,
  country,
  feature: 'PPLA',
  admin1: '01',
  population,
  lat,
  lon,
});

describe('division points placed in the wrong country', () => {
  // A stand-in for the outlines: land of "XA" lies north of the equator, any other country south.
  const land = (country: string, lat: number) => ((country === 'XA') === lat > 0 ? 0 : 5000);

  it('moves a misplaced division to its seat of the same name, else to its country, and keeps the rest', () => {
    const kept = division('admin1:xa-1', 'Kept', 'XA', 10, 10);
    const seated = division('admin1:xa-2', 'Harbour', 'XA', -40, 10);
    const lost = division('admin1:xa-3', 'Nowhere', 'XA', -40, 10);
    const cities = [
      town('Harbour', 'XA', 900, 12, 11),
      town('Harbour', 'XA', 90_000, 11, 12),
      town('Harbour', 'XB', 1e6, -5, 5),
    ];
    const placed = placeDivisions([kept, seated, lost], land, cities, () => ({ lat: 15, lon: 20 }));
    expect(placed[0]).toBe(kept);
    expect(placed[1]).toMatchObject({ lat: 11, lon: 12, precision: 'region' });
    expect(placed[2]).toMatchObject({ lat: 15, lon: 20, precision: 'country' });
  });

  it('never matches a GeoNames code to a division by a point it does not have', () => {
    const placed = division('admin1:xa-4', 'Placed', 'XA', 20, 20);
    const unknown = { ...division('admin1:xa-5', 'Unknown', 'XA', 10, 10), precision: 'country' as const };
    const assign = admin1Assigner([placed, unknown], [town('Somewhere', 'XA', 5000, 10, 10)]);
    expect(assign('XA', '01')).toBe('admin1:xa-4');
  });

  it('matches GeoNames codes to divisions by name first, then one to one by place', () => {
    const north = division('admin1:xa-n', 'Northmark Province', 'XA', 20, 10);
    const south = division('admin1:xa-s', 'Southmark', 'XA', 0, 10);
    const coast = division('admin1:xa-c', 'Coastal Region', 'XA', 12, 30);
    // Code 03's towns lie nearest Northmark's point, but GeoNames names it Southmark.
    const cities = [
      { ...town('A', 'XA', 1000, 18, 10), admin1: '03' },
      { ...town('B', 'XA', 1000, 19, 10), admin1: '04' },
      { ...town('C', 'XA', 1000, 11, 12), admin1: '05' },
    ];
    const names = new Map([['XA.03', 'Southmark']]);
    const assign = admin1Assigner([north, south, coast], cities, names);
    expect(assign('XA', '03')).toBe('admin1:xa-s');
    expect(assign('XA', '04')).toBe('admin1:xa-n');
    // Northmark is taken by 04, so 05 goes to the nearest division left, not to Northmark again.
    expect(assign('XA', '05')).toBe('admin1:xa-c');
    expect(nameKey('Hong Kong SAR')).toBe(nameKey('Hong Kong'));
  });

  it('puts a division left at its country’s point at the centre of the towns matched to it', () => {
    const lost = { ...division('admin1:xa-l', 'Lost', 'XA', 15, 20), precision: 'country' as const };
    const empty = { ...division('admin1:xa-e', 'Empty', 'XA', 15, 20), precision: 'country' as const };
    const kept = division('admin1:xa-k', 'Kept', 'XA', 1, 1);
    const cities = [
      { ...town('A', 'XA', 1000, 10, 10), admin1: '07' },
      { ...town('B', 'XA', 1000, 12, 14), admin1: '07' },
      { ...town('C', 'XA', 1000, 50, 50), admin1: '08' },
    ];
    const assign = (_: string, code: string) => (code === '07' ? 'admin1:xa-l' : 'admin1:xa-k');
    const [l, e, k] = centreByTowns([lost, empty, kept], cities, assign);
    expect(l).toMatchObject({ lat: 11, lon: 12, precision: 'region' });
    expect(e).toBe(empty);
    expect(k).toBe(kept);
  });

  it('tells land from a namesake abroad with the Natural Earth outlines', () => {
    const distance = countryLand();
    expect(distance('AF', 31.4, 64.4)).toBe(0);
    expect(distance('CN', 36.7, -95.9)).toBeGreaterThan(1000);
    expect(distance('ZZ', 0, 0)).toBeNull();
  });

  it('leaves no division of the world base on another continent, nor a town in the wrong division', () => {
    const hunan = defaultGazetteer().byId.get('admin1:cn-hn');
    // Hunan spans about 24.6-30.1 N and 108.8-114.3 E.
    expect(hunan?.lat).toBeGreaterThan(26);
    expect(hunan?.lat).toBeLessThan(29);
    expect(hunan?.lon).toBeGreaterThan(110);
    expect(hunan?.lon).toBeLessThan(113);
    const parentOf = (name: string, country: string) =>
      defaultGazetteer()
        .towns.lookup(name)
        .find((t) => t.country === country)?.parent;
    expect(parentOf('changsha', 'CN')).toBe('admin1:cn-hn');
    expect(parentOf('brisbane', 'AU')).toBe('admin1:au-qld');
    // The geographic centre of Texas lies near Brady (31.1 N, 99.3 W); New York State's point is
    // upstate, not in New York City (40.7 N, 74.0 W), which `country-state-city` gives it.
    const texas = defaultGazetteer().byId.get('admin1:us-tx');
    expect(distanceKm(texas?.lat ?? 0, texas?.lon ?? 0, 31.1, -99.3)).toBeLessThan(100);
    const ny = defaultGazetteer().byId.get('admin1:us-ny');
    expect(distanceKm(ny?.lat ?? 0, ny?.lon ?? 0, 40.7, -74)).toBeGreaterThan(150);
    const ganja = defaultGazetteer().byId.get('admin1:az-ga');
    expect(ganja?.lat).toBeCloseTo(40.68, 1);
  });
});
