import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { findPlaces } from './places.js';
import { respectStatedDivisions } from './stated-division.js';
import { tokenize } from './text/tokens.js';

const placesOf = (text: string) =>
  respectStatedDivisions(text, findPlaces(text, tokenize(text), defaultGazetteer()));
const mentionOf = (text: string, surface: string) =>
  placesOf(text).find((m) => text.slice(m.start, m.end) === surface);

describe('a town the text places in another division than the gazetteer’s only town of that name', () => {
  it('becomes an unlisted place inside the division the text states', () => {
    const text = 'A mine hit a truck near Melitopol in the Kharkiv region on Friday, the police said.';
    const town = mentionOf(text, 'Melitopol');
    expect(town?.place.id).toMatch(/^unlisted-/);
    expect(town?.place.country).toBe('UA');
    expect(town?.place.lat).toBeNaN();
    expect(town?.reason).toMatch(/namesake/);
    const area = mentionOf(text, 'Kharkiv');
    expect(town?.place.parent).toBe(area?.admin1?.id ?? area?.place.id);
  });

  it('keeps the listed town when the stated division is its own', () => {
    const text = 'A mine hit a truck near Melitopol in the Zaporizhzhia region on Friday.';
    const town = mentionOf(text, 'Melitopol');
    expect(town?.place.id).not.toMatch(/^unlisted-/);
    expect(town?.place.lat).not.toBeNaN();
  });

  it('leaves a town written with a place of another country to the resolver (Paris, Texas)', () => {
    const text = 'The fair in Paris, Texas drew a crowd.';
    expect(mentionOf(text, 'Paris')?.admin1?.id).toBe('admin1:us-tx');
  });

  it('leaves a town alone when no area follows it', () => {
    const text = 'Shelling was heard in Melitopol and in Kharkiv overnight.';
    expect(mentionOf(text, 'Melitopol')?.place.id).not.toMatch(/^unlisted-/);
  });
});
