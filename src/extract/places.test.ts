import { describe, expect, it } from 'vitest';
import { buildGazetteer, type GazetteerPlace } from '../gazetteer/gazetteer.js';
import { defaultGazetteer } from '../gazetteer/load.js';
import { findPlaces, presentPlace } from './places.js';
import { tokenize } from './text/tokens.js';

const find = (text: string) => findPlaces(text, tokenize(text), defaultGazetteer());

describe('findPlaces', () => {
  it('reads every party’s name of a place as the same place', () => {
    const ids = find('Shushi, Shusha and Şuşa; Khankendi is Stepanakert.').map((m) => m.place.id);
    expect(ids).toEqual(['az-shusha', 'az-shusha', 'az-shusha', 'az-stepanakert', 'az-stepanakert']);
  });

  it('prefers the longest name: a corridor over the town it is named after', () => {
    expect(find('troops entered the Lachin corridor').map((m) => m.place.id)).toEqual(['az-lachin-corridor']);
  });

  it('records "near" as the precision of a place written after near', () => {
    const [m] = find('a helicopter came down near Nakhchivan');
    expect(m && presentPlace(m).precision).toBe('near');
  });

  it('does not read lower-case words as places', () => {
    expect(find('the gaza of the day')).toEqual([]);
  });

  it('finds the line of contact written in lower case', () => {
    expect(find('fire along the line of contact').map((m) => m.place.kind)).toEqual(['line_of_contact']);
  });

  it('gives a shared name to the place in the country the document is about', () => {
    const place = (id: string, country: string): GazetteerPlace => ({
      id,
      name: 'Novo',
      names: ['Novo'],
      kind: 'settlement',
      country,
      parent: null,
      lat: 0,
      lon: 0,
    });
    const g = buildGazetteer([
      place('ua-novo', 'UA'),
      place('ru-novo', 'RU'),
      { ...place('ru', 'RU'), name: 'Russia', names: ['Russia'], kind: 'country' },
    ]);
    const text = 'In Russia, officials said Novo was quiet.';
    expect(findPlaces(text, tokenize(text), g).map((m) => m.place.id)).toEqual(['ru', 'ru-novo']);
  });
});

describe('findUnlistedPlaces', () => {
  it('keeps a village the gazetteer does not know, inside the listed place beside it', async () => {
    const { findUnlistedPlaces } = await import('./unlisted-places.js');
    const text = 'Clashes near the village of Hin Tagher in the Hadrut region.';
    const tokens = tokenize(text);
    const listed = findPlaces(text, tokens, defaultGazetteer());
    const [m] = findUnlistedPlaces(text, tokens, listed);
    expect(m?.place).toMatchObject({
      name: 'Hin Tagher',
      kind: 'settlement',
      country: 'AZ',
      parent: 'az-hadrut',
    });
    expect(m && presentPlace(m)).toMatchObject({ lat: null, lon: null });
  });

  it('takes a name the text says is located in a listed place as a place inside it', async () => {
    const { findUnlistedPlaces } = await import('./unlisted-places.js');
    const text = 'The raid hit a post in Kelmar Dunes, located in the Hadrut region, before dawn.';
    const tokens = tokenize(text);
    const listed = findPlaces(text, tokens, defaultGazetteer());
    const found = findUnlistedPlaces(text, tokens, listed);
    expect(found.map((m) => [m.place.name, m.place.parent])).toEqual([['Kelmar Dunes', 'az-hadrut']]);
  });

  it('takes "X, a village in Y" as a village of Y, leaving out the word that opens the sentence', async () => {
    const { findUnlistedPlaces } = await import('./unlisted-places.js');
    const text = 'In Tarvoz, a village in the Hadrut region, two houses burned.';
    const tokens = tokenize(text);
    const listed = findPlaces(text, tokens, defaultGazetteer());
    const [m] = findUnlistedPlaces(text, tokens, listed);
    expect(m?.place).toMatchObject({ name: 'Tarvoz', parent: 'az-hadrut' });
    expect(m?.start).toBe(text.indexOf('Tarvoz'));
  });

  it('does not take an organisation "located in" a place as a place', async () => {
    const { findUnlistedPlaces } = await import('./unlisted-places.js');
    const text = 'Brightwater Relief, located in the Hadrut region, sent two trucks.';
    const tokens = tokenize(text);
    const listed = findPlaces(text, tokens, defaultGazetteer());
    expect(findUnlistedPlaces(text, tokens, listed).map((m) => m.place.name)).toEqual([]);
  });

  it('does not take a listed place followed by "located in" as an unlisted one', async () => {
    const { findUnlistedPlaces } = await import('./unlisted-places.js');
    const text = 'Shelling hit Hadrut, located in the south, on Monday.';
    const tokens = tokenize(text);
    const listed = findPlaces(text, tokens, defaultGazetteer());
    expect(findUnlistedPlaces(text, tokens, listed).map((m) => m.place.name)).not.toContain('Hadrut');
  });
});
