import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { buildMentions } from './mentions.js';
import { findAdjectivePlaces, findPlaces } from './places.js';
import { tokenize } from './text/tokens.js';

const find = (text: string) => findPlaces(text, tokenize(text), defaultGazetteer());
const spans = (text: string) => find(text).map((m) => [text.slice(m.start, m.end), m.place.id]);

describe('place names in context, with the world base', () => {
  it('reads a person named like a state as a person, there and later in the text', () => {
    const text =
      'Georgia Stevens, who is eleven, won the regional spelling bee in Red Deer, Alberta. ' +
      'Georgia began spelling at six.';
    const ids = find(text).map((m) => m.place.id);
    expect(ids).not.toContain('ge');
    expect(ids).not.toContain('admin1:us-ga');
    expect(ids).toContain('admin1:ca-ab');
  });

  it('keeps a country joined to another by a hyphen, there and later in the text', () => {
    const text =
      'The envoy said Chile-Peru trade had doubled since the treaty. ' +
      'Chile said the talks would resume in spring.';
    const chile = find(text).filter((m) => m.place.id === 'cl');
    expect(chile.map((m) => text.slice(m.start, m.end))).toEqual(['Chile', 'Chile']);
    expect(find(text).map((m) => m.place.id)).toContain('pe');
  });

  it('keeps a state whose name stands before a single capital letter', () => {
    const text =
      'HOUSTON, Texas A storm knocked out power on Friday. Students at Texas A&M stayed home. ' +
      'Texas asked for federal help.';
    const texas = find(text).filter((m) => m.place.id === 'admin1:us-tx');
    expect(texas.map((m) => m.start)).toEqual([9, 64, 87]);
  });

  it('reads a city named after its country or division by its whole name', () => {
    const text = 'Flights from Mexico City to New York City resumed; Mexico said the strike was over.';
    expect(spans(text)).toEqual([
      ['Mexico City', expect.stringMatching(/^geonames:/)],
      ['New York City', expect.stringMatching(/^geonames:/)],
      ['Mexico', 'mx'],
    ]);
  });

  it('reads a county written in full, in the state the text names', () => {
    const [county] = find('Deputies in Orange County, which borders Los Angeles, closed two roads.');
    expect(county).toMatchObject({ start: 12, end: 25 });
    expect(county?.admin1?.id).toBe('admin1:us-ca');
  });

  it('does not take a town for a surname after a sentence-opening word', () => {
    const text = '"Overall Halifax did well," the author said of the overall grades. Halifax earned a B.';
    expect(find(text).filter((m) => m.place.name === 'Halifax')).toHaveLength(2);
    const conjunction = 'Although Halifax grew, the port shrank. Halifax still earned a B.';
    expect(find(conjunction).filter((m) => m.place.name === 'Halifax')).toHaveLength(2);
  });

  it('keeps a town named before a word the text never writes alone, and reads a surname as a person', () => {
    const paper =
      'The Halifax Chronicler reported the fire. Crews in Halifax worked all night. Halifax is wet.';
    expect(find(paper).filter((m) => m.place.name === 'Halifax')).toHaveLength(2);
    const person = 'Halifax Brennan won the race. Brennan said Halifax was a family name.';
    expect(find(person).filter((m) => m.place.name === 'Halifax')).toHaveLength(0);
  });

  it('does not read a product named like a country as the country', () => {
    const text = 'Shoppers queued for Butterball Turkey before the holiday, the store manager said.';
    expect(find(text).map((m) => m.place.id)).toEqual([]);
  });

  it('resolves "Paris, Texas" to the Texan town, and Paris alone to the French capital', () => {
    const [paris, texas] = find('The rodeo in Paris, Texas drew a record crowd this year.');
    expect(paris?.place).toMatchObject({ country: 'US', kind: 'settlement' });
    expect(paris?.admin1?.id).toBe('admin1:us-tx');
    expect(paris?.reason).toMatch(/Texas/);
    expect(texas?.place.id).toBe('admin1:us-tx');
    const [alone] = find('The summit in Paris ended without a statement.');
    expect(alone?.place).toMatchObject({ country: 'FR', kind: 'settlement' });
  });

  it('gives a town name two countries share to the one the document is about', () => {
    const canadian = find('Snow closed the highway between Calgary and London, Ontario on Monday.');
    expect(canadian.find((m) => m.place.name === 'London')?.place.country).toBe('CA');
    const british = find('Trains from Manchester to London were cancelled, British Rail said of England.');
    expect(british.find((m) => m.place.name === 'London')?.place.country).toBe('GB');
  });

  it('finds "U.S.", "US", "the UK" and a state abbreviation after a comma', () => {
    const text = 'The U.S. and the UK asked the US envoy, based in Louisville, Ky., to stay.';
    expect(spans(text)).toEqual([
      ['U.S.', 'us'],
      ['UK', 'gb'],
      ['US', 'us'],
      ['Louisville', 'geonames:4299276'],
      ['Ky.', 'admin1:us-ky'],
    ]);
    expect(find('They told us that the plan would work.')).toEqual([]);
  });

  it('reads a Georgia next to US places as the state, and next to Tbilisi as the country', () => {
    const georgia = (text: string) =>
      find(text).find((m) => text.slice(m.start, m.end) === 'Georgia')?.place.id;
    expect(georgia('Storms hit Atlanta and Savannah, and Georgia declared an emergency.')).toBe(
      'admin1:us-ga',
    );
    expect(georgia('Protesters filled Tbilisi as Georgia voted.')).toBe('ge');
  });

  it('gives every resolution a confidence and a reason', () => {
    for (const m of find('Flights from Toronto and Chicago to Mexico City were delayed.')) {
      expect(m.confidence).toBeGreaterThanOrEqual(0.5);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(m.reason).not.toBe('');
    }
  });

  it('does not read words and surnames as towns', () => {
    const text = 'Federal officials met Michael Steele. Steele said federal money would follow.';
    expect(find(text)).toEqual([]);
  });

  it('reads a country’s adjective as a mention of it, a shared one by the name it comes from', () => {
    const text = 'Turkish and American envoys met European and Indian officials in Ankara.';
    const tokens = tokenize(text);
    const places = findPlaces(text, tokens, defaultGazetteer());
    expect(places.map((m) => m.place.country)).toEqual(['TR']);
    const adjectives = findAdjectivePlaces(text, tokens, defaultGazetteer(), places);
    expect(adjectives.map((m) => [text.slice(m.start, m.end), m.place.id])).toEqual([
      ['Turkish', 'tr'],
      ['American', 'us'],
      ['European', 'world:europe'],
      ['Indian', 'in'],
    ]);
    const mentioned = buildMentions([], places, adjectives).places;
    expect(mentioned.find((p) => p.id === 'tr')?.spans).toEqual([{ start: 0, end: 7 }]);
  });

  it('finds the towns, division and country of a theatre no pack describes, from the world base alone', () => {
    const text =
      'Insurgents attacked Mocímboa da Praia overnight, and families fled south to Pemba, ' +
      'the capital of Cabo Delgado province in northern Mozambique, while talks went on in Maputo.';
    const found = find(text).map((m) => [text.slice(m.start, m.end), m.place.country, m.place.kind]);
    expect(found).toEqual([
      ['Mocímboa', 'MZ', 'settlement'],
      ['Pemba', 'MZ', 'settlement'],
      ['Cabo Delgado province', 'MZ', 'region'],
      ['Mozambique', 'MZ', 'country'],
      ['Maputo', 'MZ', 'settlement'],
    ]);
    const pemba = find(text).find((m) => m.place.name === 'Pemba');
    expect(pemba?.admin1?.name).toBe('Cabo Delgado Province');
    expect(pemba?.place.lat).toBeCloseTo(-12.97, 1);
  });
});
