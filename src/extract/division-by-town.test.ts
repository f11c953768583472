import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { divisionsWrittenAsTowns } from './division-by-town.js';
import { findPlaces } from './places.js';
import { tokenize } from './text/tokens.js';

/** Each place name of the text with the name of the place it resolves to, and that place's kind. */
function resolved(text: string): [string, string, string][] {
  const gazetteer = defaultGazetteer();
  const places = divisionsWrittenAsTowns(text, findPlaces(text, tokenize(text), gazetteer), gazetteer);
  return places.map((m) => [
    text.slice(m.start, m.end),
    m.place.name,
    m.place.id.startsWith('admin1:') ? 'division' : m.place.kind,
  ]);
}

describe('a division written as the town it is named after', () => {
  it('reads "the X region" as the division, in the forms the languages derive, and X alone as the town', () => {
    const text =
      'Shelling was reported in the Luhansk region overnight, and drones struck the Kharkiv region. ' +
      'Later the governor spoke in Luhansk.';
    const [luhanskRegion, kharkivRegion, luhanskTown] = resolved(text);
    expect(luhanskRegion).toEqual(['Luhansk', expect.stringMatching(/^Luhansk/), 'division']);
    expect(luhanskRegion?.[1]).not.toBe('Luhansk');
    expect(kharkivRegion).toEqual(['Kharkiv', expect.stringMatching(/^Kharkiv/), 'division']);
    expect(luhanskTown).toEqual(['Luhansk', 'Luhansk', 'settlement']);
  });

  it("keeps the press's name for the division among its names", () => {
    const gazetteer = defaultGazetteer();
    const text = 'A mine exploded in the Luhansk region.';
    const [region] = divisionsWrittenAsTowns(text, findPlaces(text, tokenize(text), gazetteer), gazetteer);
    expect(region?.place.names).toContain('Luhansk region');
  });

  it('takes "province", "governorate" and "state" too, in any theatre', () => {
    const text = 'Clashes spread across Idlib province. Aid reached Kassala state by road.';
    const divisions = resolved(text).filter(([, , kind]) => kind === 'division');
    expect(divisions.map(([written]) => written)).toEqual(['Idlib', 'Kassala']);
  });

  it('picks the division around a city over the city as its own division (named as the city)', () => {
    const [kyiv] = resolved('A drone fell in the Kyiv region on Sunday.');
    expect(kyiv?.[2]).toBe('division');
    expect(kyiv?.[1]).toMatch(/^Kyiv\S+/); // a derived name ("Kyivska …"), not the city's own "Kyiv"
  });

  it('leaves a town whose division bears another name, and a town with no kind word after it', () => {
    const text = 'Fighting went on near Bakhmut district offices, and Donetsk was quiet.';
    const kinds = resolved(text).filter(([written]) => written === 'Bakhmut' || written === 'Donetsk');
    expect(kinds.map(([, , kind]) => kind)).toEqual(['settlement', 'settlement']);
  });
});
