import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { findPlaces, presentPlace } from './places.js';
import { tokenize } from './text/tokens.js';

const find = (text: string) => findPlaces(text, tokenize(text), defaultGazetteer());
const named = (text: string, name: string) => find(text).filter((m) => m.place.name === name);

describe('findPlaces with the GeoNames towns behind the curated places', () => {
  it('finds a town the curated file lacks, with coordinates, in a document about its country', () => {
    const text =
      'Armenia says a farmer near the road out of Ijevan was hurt by gunfire from across the border.';
    const [m] = named(text, 'Ijevan');
    expect(m && presentPlace(m)).toMatchObject({
      id: 'geonames:616627',
      kind: 'settlement',
      country: 'AM',
      precision: 'near',
    });
    expect(m?.place.lat).toBeCloseTo(40.88, 1);
    expect(m?.place.lon).toBeCloseTo(45.15, 1);
    expect(m?.place.parent).toBe('admin1:am-tv');
    expect(m?.admin1?.name).toBe('Tavush Region');
  });

  it('finds a small town of any country written as a place, and leaves it alone written bare', () => {
    const text = 'Georgia and Moldova sent observers; one of them had once lived in Ijevan.';
    expect(named(text, 'Ijevan').map((m) => m.place.country)).toEqual(['AM']);
    expect(find('Ijevan was mentioned without any country at all.')).toEqual([]);
  });

  it('gives a name two countries share to the country the document names', () => {
    const aboutUkraine = 'Shelling hit Pokrovsk again, Ukraine’s officials reported.';
    expect(named(aboutUkraine, 'Pokrovsk').map((m) => m.place.country)).toEqual(['UA']);
    const aboutRussia = 'In Russia, the mayor of Pokrovsk opened a new school.';
    expect(named(aboutRussia, 'Pokrovsk').map((m) => m.place.country)).toEqual(['RU']);
  });

  it('keeps the curated place where a curated name is also a GeoNames town', () => {
    const text = 'Buses left Goris in Armenia before dawn.';
    expect(find(text).map((m) => m.place.id)).toEqual(['am-goris', 'am']);
  });

  it('does not read a capitalised common word as a town, nor a town written in lower case', () => {
    const text = 'Side by side with Turkey, the envoy spoke; the batman of the unit and ijevan stayed quiet.';
    expect(find(text).map((m) => m.place.id)).toEqual(['tr']);
    expect(find('Batman, Turkey: talks resumed.').map((m) => m.place.id)).toEqual(['tr']);
  });

  it('does not take the first name of a person for the town of that name', () => {
    const text = 'In Russia, Vladimir Putin spoke by phone; the city of Vladimir was not mentioned again.';
    expect(named(text, 'Vladimir').map((m) => text.slice(m.start, m.end + 4))).toEqual(['Vladimir was']);
  });

  it('uses the countries of the curated places found, not only the countries named', () => {
    const armenian = 'From Yerevan, families drove on to Dilijan.';
    const [m] = named(armenian, 'Dilijan');
    expect(m?.place.id).toBe('geonames:616752');
    expect(m?.reason).toMatch(/Armenia|Yerevan/);
  });
});
