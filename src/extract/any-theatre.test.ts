import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { loadTheatre } from '../theatre/pack-io.js';
import { partyOf } from '../theatre/parties.js';
import type { Theatre } from '../theatre/theatre.js';
import { extract } from './extract.js';
import type { Extraction } from './schema.js';

// A ceasefire Truce ships no pack for (Sri Lanka): an article written for this test, and a small
// pack written for it too. The world base alone must find the towns and the state; the pack adds
// the armed group and the officials.
const ARTICLE = readFileSync(new URL('./fixtures/vavuniya-ceasefire-breach.txt', import.meta.url));
const PACK = new URL('./fixtures/sri-lanka-test-pack.json', import.meta.url).pathname;

/** The default gazetteer of the theatre: every country and its towns, plus the packs' places. */
function run(packs: string[]): { x: Extraction; theatre: Theatre } {
  const theatre = loadTheatre(packs);
  const x = extract({ bytes: ARTICLE }, { theatre, gazetteer: defaultGazetteer(theatre) });
  return { x, theatre };
}

describe('an article from a theatre with no pack', () => {
  it('with only the world base (--theatre international), finds its towns and its state as a party', () => {
    const { x, theatre } = run(['international']);
    expect(theatre.packs).toEqual(['international']);
    const clash = x.events.find((e) => e.kind === 'armed_clash');
    expect(clash?.place).toMatchObject({ name: 'Vavuniya', country: 'LK', kind: 'settlement' });
    expect(clash?.killed?.best).toBe(2);
    expect(partyOf(theatre, clash?.actor1)).toBe('LK');
    const shelling = x.events.find((e) => e.kind === 'shelling' && e.place?.name === 'Trincomalee');
    expect(shelling?.injured?.best).toBe(4);
    const named = x.mentions.places.map((p) => p.name);
    expect(named).toEqual(expect.arrayContaining(['Vavuniya', 'Trincomalee', 'Colombo']));
    // "speaking from Kilinochchi": the small town or the district named after it, both in LK.
    expect(x.mentions.places.find((p) => p.name.startsWith('Kilinochchi'))?.country).toBe('LK');
    // Without a pack the people are found by their form, not known: no id, no party.
    const people = x.mentions.people.filter((p) => p.name === 'Prasad Samarasinghe');
    expect(people).toEqual([expect.objectContaining({ id: null, country: null })]);
    expect(x.mentions.organizations.some((o) => o.country === 'LTTE')).toBe(false);
  });

  it('with a small pack, also resolves the armed group and the officials, with their parties', () => {
    const { x, theatre } = run(['international', PACK]);
    expect(theatre.packs).toEqual(['international', 'sri-lanka-test']);
    const byId = new Map(x.mentions.people.map((p) => [p.id, p]));
    expect(byId.get('prasad-samarasinghe')?.country).toBe('LK');
    expect(byId.get('rasiah-ilanthiraiyan')?.country).toBe('LTTE');
    expect(x.mentions.organizations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Liberation Tigers of Tamil Eelam', country: 'LTTE' }),
        expect.objectContaining({ id: 'slmm', name: 'Sri Lanka Monitoring Mission' }),
      ]),
    );
    expect(x.quotes.map((q) => q.speakerId)).toEqual(
      expect.arrayContaining(['prasad-samarasinghe', 'rasiah-ilanthiraiyan']),
    );
    const clash = x.events.find((e) => e.kind === 'armed_clash');
    expect(clash?.place?.name).toBe('Vavuniya');
    const parties = [clash?.actor1, clash?.actor2].map((a) => partyOf(theatre, a));
    expect(parties).toContain('LTTE');
  });
});
