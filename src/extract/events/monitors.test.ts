import { describe, expect, it } from 'vitest';
import { factsOf } from '../test-support/facts.js';
import { monitorsNamed } from './monitors.js';

const events = (text: string) =>
  factsOf(text).events.map((e) => ({ kind: e.kind, place: e.place?.id ?? null, actor2: e.actor2 }));

describe('attacks on monitors', () => {
  it('reads an attack on peacekeepers with the mission the theatre knows as actor2', () => {
    expect(events('Masked men attacked a group of UNIFIL peacekeepers near Stepanakert on Monday.')).toEqual([
      { kind: 'attack_on_monitors', place: 'az-stepanakert', actor2: 'UNIFIL' },
    ]);
  });

  it('names the monitors as the text calls them when no mission is named', () => {
    expect(events('OSCE monitors came under fire near Avdiivka on Sunday.')).toEqual([
      { kind: 'attack_on_monitors', place: 'ua-avdiivka', actor2: 'OSCE monitors' },
    ]);
    expect(events('Peacekeepers came under fire near Stepanakert on Sunday.')[0]?.actor2).toBe(
      'peacekeepers',
    );
  });

  it('makes one event of one phrase ("came under fire" is not also shelling)', () => {
    expect(events('Observers came under fire near Avdiivka on Sunday.').map((e) => e.kind)).toEqual([
      'attack_on_monitors',
    ]);
  });

  it('gives a mine that hits a patrol the patrol as its target', () => {
    const [e] = factsOf(
      'A patrol vehicle of the observers hit a landmine near Avdiivka, wounding two monitors.',
    ).events;
    expect(e).toMatchObject({ kind: 'landmine', actor2: 'patrol', injured: { best: 2 } });
  });

  it('takes the capitalised words before the monitors as their name', () => {
    expect(monitorsNamed('Gunmen fired on Irish peacekeepers at dawn.')).toBe('Irish peacekeepers');
    expect(monitorsNamed('An AU patrol was ambushed.')).toBe('AU patrol');
    expect(monitorsNamed('Nothing happened.')).toBeNull();
  });
});

describe('places and parties of an event', () => {
  it('does not place an event at the dateline city', () => {
    const places = events('BAKU, Nov 9 (Agency) - Artillery shelling resumed overnight, officials said.').map(
      (e) => e.place,
    );
    expect(places).not.toContain('az-baku');
  });

  it('does not make a party of the country named as the place', () => {
    const [e] = factsOf(
      'Gunmen fired rockets at a checkpoint in southern Armenia near Goris on Monday.',
    ).events;
    expect(e?.actor2).toBeNull();
  });
});

describe('one attack on monitors told in several sentences', () => {
  it('folds the casualty report into the attack on the monitors', () => {
    const text =
      'Three soldiers were killed near Avdiivka on Sunday. Their observer patrol was ambushed near Avdiivka on Sunday.';
    expect(events(text).map((e) => e.kind)).toEqual(['attack_on_monitors']);
    expect(factsOf(text).events[0]?.killed?.best).toBe(3);
  });
});
