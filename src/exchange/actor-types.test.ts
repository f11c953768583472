import { describe, expect, it } from 'vitest';
import { TheatrePack } from '../theatre/schema.js';
import { mergePacks } from '../theatre/theatre.js';
import { ACLED_INTERACTIONS, acledInteraction } from './acled-interactions.js';
import { actorType, interaction, isStateActor } from './actor-types.js';

// A theatre written for this test: a state party with its army and a local militia, a de facto
// authority (non-state party) with its forces, a mission and an outlet.
const theatre = mergePacks([
  {
    file: 'test.json',
    pack: TheatrePack.parse({
      name: 'test-theatre',
      title: 'Test theatre',
      countries: ['NG'],
      parties: [
        { code: 'NG', name: 'Nigeria', country: 'NG' },
        { code: 'EAST', name: 'Eastern Authority', country: 'NG' },
      ],
      actors: [
        { id: 'army', name: 'Nigerian Army', kind: 'force', party: 'NG', aliases: ['Nigerian Army'] },
        { id: 'cjtf', name: 'Civilian JTF', kind: 'armed_group', party: 'NG', aliases: ['Civilian JTF'] },
        { id: 'east', name: 'Eastern Guard', kind: 'force', party: 'EAST', aliases: ['Eastern Guard'] },
        { id: 'mission', name: 'Lake Mission', kind: 'mission', party: null, aliases: ['Lake Mission'] },
        { id: 'paper', name: 'Daily Lake', kind: 'outlet', party: null, aliases: ['Daily Lake'] },
        // Named groups the pack types itself: neither kind nor party says what ACLED calls them.
        {
          id: 'herders',
          name: 'Lakeshore Herders Militia',
          kind: 'armed_group',
          party: null,
          aliases: ['Lakeshore Herders Militia', 'herder vigilantes'],
          acledType: 'Identity militia',
        },
        {
          id: 'fuel-movement',
          name: 'Fair Fuel Movement',
          kind: 'organization',
          party: null,
          aliases: ['Fair Fuel Movement'],
          acledType: 'Protesters',
        },
        {
          id: 'pmc',
          name: 'Harbour Security Company',
          kind: 'armed_group',
          party: 'NG',
          aliases: ['Harbour Security Company'],
          acledType: 'External/Other forces',
        },
      ],
    }),
  },
]);

// ACLED codebook, Table 3 "Interaction code descriptions": the 44 codes and their labels.
const TABLE_3: Readonly<Record<string, string>> = {
  '10': 'State forces only',
  '11': 'State forces-State forces',
  '12': 'State forces-Rebel group',
  '13': 'State forces-Political militia',
  '14': 'State forces-Identity militia',
  '15': 'State forces-Rioters',
  '16': 'State forces-Protesters',
  '17': 'State forces-Civilians',
  '18': 'State forces-External/Other forces',
  '20': 'Rebel group only',
  '22': 'Rebel group-Rebel group',
  '23': 'Rebel group-Political militia',
  '24': 'Rebel group-Identity militia',
  '25': 'Rebel group-Rioters',
  '26': 'Rebel group-Protesters',
  '27': 'Rebel group-Civilians',
  '28': 'Rebel group-External/Other forces',
  '30': 'Political militia only',
  '33': 'Political militia-Political militia',
  '34': 'Political militia-Identity militia',
  '35': 'Political militia-Rioters',
  '36': 'Political militia-Protesters',
  '37': 'Political militia-Civilians',
  '38': 'Political militia-External/Other forces',
  '40': 'Identity militia only',
  '44': 'Identity militia-Identity militia',
  '45': 'Identity militia-Rioters',
  '46': 'Identity militia-Protesters',
  '47': 'Identity militia-Civilians',
  '48': 'Identity militia-External/Other forces',
  '50': 'Rioters only',
  '55': 'Rioters-Rioters',
  '56': 'Rioters-Protesters',
  '57': 'Rioters-Civilians',
  '58': 'Rioters-External/Other forces',
  '60': 'Protesters only',
  '66': 'Protesters-Protesters',
  '67': 'Protesters-Civilians',
  '68': 'Protesters-External/Other forces',
  '70': 'Civilians only',
  '77': 'Civilians-Civilians',
  '78': 'External/Other forces-Civilians',
  '80': 'External/Other forces only',
  '88': 'External/Other forces-External/Other forces',
};

describe('ACLED interactions (codebook Table 3)', () => {
  it('has exactly the codebook’s 44 codes and labels', () => {
    expect(ACLED_INTERACTIONS).toEqual(TABLE_3);
  });

  it('labels 78 as the codebook does, whatever the actors’ order', () => {
    expect(acledInteraction('Civilians', 'External/Other forces')).toBe('External/Other forces-Civilians');
    expect(acledInteraction('External/Other forces', 'Civilians')).toBe('External/Other forces-Civilians');
    expect(acledInteraction('External/Other forces', 'State forces')).toBe(
      'State forces-External/Other forces',
    );
  });

  it('writes "X only" only when the event has one actor', () => {
    expect(interaction('Protesters', '', false)).toBe('Protesters only');
    expect(interaction('', 'Protesters', false)).toBe('Protesters only');
    // Two actors, the second of unknown type: no label rather than a one-sided one.
    expect(interaction('State forces', '', true)).toBe('');
    expect(interaction('Civilians', 'State forces', true)).toBe('State forces-Civilians');
  });
});

describe('ACLED actor types', () => {
  it('reads a pack actor by its kind and party, not by the words of its name', () => {
    expect(actorType('Civilian JTF', 'NG', theatre)).toBe('Political militia');
    expect(actorType('Nigerian Army', 'NG', theatre)).toBe('State forces');
    expect(actorType('Eastern Guard', 'NG', theatre)).toBe('Rebel group');
    expect(actorType('Lake Mission', 'NG', theatre)).toBe('External/Other forces');
    expect(actorType('Daily Lake', 'NG', theatre)).toBe('');
  });

  it('takes a named group’s type from the pack when it gives one, by any of its aliases', () => {
    // Without the field: an armed group of no party has no type, an organization of none is External/Other.
    expect(actorType('Lakeshore Herders Militia', 'NG', theatre)).toBe('Identity militia');
    expect(actorType('herder vigilantes', 'CM', theatre)).toBe('Identity militia');
    expect(actorType('Fair Fuel Movement', 'NG', theatre)).toBe('Protesters');
    // The pack's type wins over the home-and-abroad rule of a state's armed group.
    expect(actorType('Harbour Security Company', 'NG', theatre)).toBe('External/Other forces');
    expect(isStateActor('Lakeshore Herders Militia', theatre)).toBe(false);
    expect(interaction('Identity militia', actorType('Fair Fuel Movement', 'NG', theatre), true)).toBe(
      'Identity militia-Protesters',
    );
  });

  it('refuses a pack that types an actor as State forces, which only its party and the place decide', () => {
    const result = TheatrePack.safeParse({
      name: 'bad-pack',
      title: 'Bad pack',
      actors: [{ id: 'x', name: 'X', kind: 'force', party: 'NG', aliases: ['X'], acledType: 'State forces' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['actors', 0, 'acledType']);
    expect(result.error?.issues[0]?.message).toMatch(/typed from their party/);
  });

  it('leaves an actor no pack knows blank, whatever words it has', () => {
    expect(actorType('Civilian Patrol Committee', 'NG', theatre)).toBe('');
    // The bracketed country is where a group acts, not whose forces it is.
    expect(actorType('Unidentified Gang (Nigeria)', 'NG', theatre)).toBe('');
    // A named organization is no state's forces for the country its name contains.
    expect(actorType('NDF: Nigerian Democratic Front', 'NG', theatre)).toBe('');
    expect(actorType('Military Forces of Nigeria (2015-)', 'NG', theatre)).toBe('State forces');
    expect(actorType('Someone unknown', 'NG', theatre)).toBe('');
  });

  it('reads ACLED’s generic actor names as their category', () => {
    expect(actorType('Civilians (Nigeria)', 'NG', theatre)).toBe('Civilians');
    expect(actorType('Protesters (Nigeria)', 'NG', theatre)).toBe('Protesters');
    expect(actorType('Rioters (Nigeria)', 'NG', theatre)).toBe('Rioters');
    expect(actorType('Unidentified Armed Group (Nigeria)', 'NG', theatre)).toBe('Political militia');
    expect(actorType('Unidentified Communal Militia (Nigeria)', 'NG', theatre)).toBe('Identity militia');
    expect(actorType('Tiv Ethnic Militia (Nigeria)', 'NG', theatre)).toBe('Identity militia');
  });

  it('codes a state’s forces abroad as External/Other forces everywhere, at home as State forces', () => {
    expect(actorType('Military Forces of Russia', 'UA', theatre)).toBe('External/Other forces');
    expect(actorType('Russian forces', 'UA', theatre)).toBe('External/Other forces');
    expect(actorType('Military Forces of Russia', 'RU', theatre)).toBe('State forces');
    // A state's militia abroad is an external force too; at home a political militia.
    expect(actorType('Civilian JTF', 'CM', theatre)).toBe('External/Other forces');
    expect(actorType('Nigerian Army', 'CM', theatre)).toBe('External/Other forces');
    // Without the incident's country, home and abroad are unknown: blank, not a guess.
    expect(actorType('Military Forces of Russia', null, theatre)).toBe('');
  });

  it('counts a state’s forces as a state actor (UCDP), at home or abroad, and not a mission', () => {
    expect(isStateActor('Military Forces of Russia', theatre)).toBe(true);
    expect(isStateActor('Lake Mission', theatre)).toBe(false);
    expect(isStateActor('Civilians (Nigeria)', theatre)).toBe(false);
  });
});
