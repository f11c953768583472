import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { buildMentions } from './mentions.js';
import { findPlaces } from './places.js';
import { describePlaces } from './places-report.js';
import { tokenize } from './text/tokens.js';

const find = (text: string) => findPlaces(text, tokenize(text), defaultGazetteer());
const idOf = (text: string, surface: string) =>
  find(text).find((m) => text.slice(m.start, m.end) === surface)?.place.id;

describe('resolution by the rest of the document', () => {
  it('reads Wales beside England and Scotland as the nation, not a village of that name', () => {
    const text = 'Ballots were counted late in England, Scotland and Wales after the storm.';
    expect(idOf(text, 'England')).toBe('admin1:gb-eng');
    expect(idOf(text, 'Wales')).toBe('admin1:gb-wls');
    expect(idOf(text, 'Northern Ireland')).toBeUndefined();
    const [ni] = find('Ferries to Northern Ireland were cancelled.');
    expect(ni?.place.id).toBe('admin1:gb-nir');
  });

  it('reads New York as the city alone, and as the state after a place it holds or before its governor', () => {
    expect(idOf('Flights to New York were delayed by snow.', 'New York')).toBe('geonames:5128581');
    expect(idOf('She has taught at a school in Queens, New York, since May.', 'New York')).toBe(
      'admin1:us-ny',
    );
    expect(idOf('Former New York Gov. Jane Roe spoke on Friday.', 'New York')).toBe('admin1:us-ny');
    expect(idOf('Farmers across New York state lost their crops.', 'New York')).toBe('admin1:us-ny');
  });

  it('reads "the line of contact" as a theatre’s line only in a text about that theatre', () => {
    const elsewhere = 'Shelling was reported along the contact line near Horlivka in Ukraine on Monday.';
    expect(find(elsewhere).map((m) => m.place.kind)).not.toContain('line_of_contact');
    const there = 'Shelling was reported along the line of contact near Martakert.';
    expect(find(there).map((m) => m.place.kind)).toContain('line_of_contact');
    const neighbour = 'Shelling was reported along the line of contact, Armenia said.';
    expect(find(neighbour).map((m) => m.place.kind)).toContain('line_of_contact');
  });

  it('keeps a state above a small town of its name that lies in another state the text names', () => {
    const text = 'The convoy left New York on Monday and reached Florida two days later.';
    expect(idOf(text, 'Florida')).toBe('admin1:us-fl');
  });

  it('reads a name that is a country and a division of another as the country, without area evidence', () => {
    const text = 'Officials in Beijing, Shanghai and China protested after the envoy landed in Taiwan.';
    expect(idOf(text, 'Taiwan')).toBe('tw');
    const georgia = 'Storms hit Atlanta and Savannah, and Georgia declared an emergency.';
    expect(idOf(georgia, 'Georgia')).toBe('admin1:us-ga');
  });

  it('does not let a name count as evidence for itself', () => {
    const [wales] = find('Wales voted on Thursday.');
    expect(wales?.reason).not.toMatch(/United Kingdom/);
    const text = 'Rain fell on England and Wales.';
    expect(find(text).find((m) => m.place.id === 'admin1:gb-wls')?.reason).toBe(
      'in United Kingdom, where the document’s other places lie',
    );
  });

  it('gives a name written once with its state the same place where written alone', () => {
    const text =
      'The rodeo in Paris, Texas drew riders from three states. Paris has held it since 1950, ' +
      'and hotels in Paris filled a week early.';
    const paris = find(text).filter((m) => m.place.name === 'Paris');
    expect(paris).toHaveLength(3);
    expect(new Set(paris.map((m) => m.place.id)).size).toBe(1);
    expect(paris[0]?.admin1?.id).toBe('admin1:us-tx');
    expect(paris[1]?.reason).toBe('as written elsewhere with the place it lies in');
    const alone = find('Hotels in Paris filled a week early for the summit.');
    expect(alone.find((m) => m.place.name === 'Paris')?.place.country).toBe('FR');
  });

  it('reads a division named only with compass words as one only in a text about its country', () => {
    const service = 'Volunteers joined the South Central ambulance crews for the winter.';
    expect(find(service).map((m) => m.place.id)).toEqual([]);
    const maldives = 'Ferries from Male to the South Central atolls of the Maldives resumed.';
    expect(idOf(maldives, 'South Central')).toBe('admin1:mv-sc');
    expect(idOf('Bushfires spread across the Northern Territory.', 'Northern Territory')).toBe(
      'admin1:au-nt',
    );
  });

  it('reads a surname after a middle initial as the person, not a town', () => {
    const text = 'Dr. Laura K. Murphy joined the clinic in June. Murphy trained in Leeds.';
    expect(find(text).map((m) => text.slice(m.start, m.end))).toEqual(['Leeds']);
  });

  it('reads "the Alliance" and "the Summit" as words', () => {
    const text = 'The Alliance met before the Summit in Brussels.';
    expect(find(text).map((m) => text.slice(m.start, m.end))).toEqual(['Brussels']);
  });

  it('prints each resolution with its place, precision, confidence and reason', () => {
    const text = 'Flooding closed roads around Paris, Texas.';
    const tokens = tokenize(text);
    const [line] = describePlaces(
      text,
      buildMentions([], findPlaces(text, tokens, defaultGazetteer())).places,
    );
    expect(line).toMatch(/^ {2}"Paris" \(1×\) → Paris, Texas, US \[geonames:\d+\] 33\.\d\d,-95\.\d\d near; /);
    expect(line).toMatch(/confidence (0\.\d\d|1\.00): written with the place it lies in \(Texas\)$/);
  });
});
