import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { findPlaceByName } from './place-lookup.js';

describe('findPlaceByName', () => {
  it('finds a pack place in any spelling, and a town of the world base by its name', () => {
    const g = defaultGazetteer();
    expect(findPlaceByName(g, 'Khankendi')?.id).toBe('az-stepanakert');
    expect(findPlaceByName(g, 'ijevan')).toMatchObject({ id: 'geonames:616627', country: 'AM' });
    expect(findPlaceByName(g, 'Nowhere-on-Nothing')).toBeNull();
  });
});
