import { describe, expect, it } from 'vitest';
import { factsOf } from '../test-support/facts.js';
import { EVENT_KINDS, acledOf } from './taxonomy.js';

const events = (text: string, published = '2020-11-10') =>
  factsOf(text, published).events.map((e) => [e.kind, e.place?.id ?? null, e.date?.start ?? null]);

describe('the taxonomy', () => {
  it('maps every Truce kind to an ACLED type and sub-type', () => {
    for (const kind of EVENT_KINDS) {
      expect(acledOf(kind).event_type, kind).not.toBe('');
      expect(acledOf(kind).sub_event_type, kind).not.toBe('');
    }
  });
});

describe('findEvents', () => {
  it('classifies a shoot-down with date, place, actors and the dead', () => {
    const [e] = factsOf(
      'On Monday Azerbaijan shot down a Russian helicopter over Armenia near Yeraskh, killing two crew members.',
    ).events;
    expect(e).toMatchObject({
      kind: 'aircraft_shot_down',
      acled: { event_type: 'Explosions/Remote violence' },
      date: { start: '2020-11-09', precision: 'day' },
      place: { id: 'am-yeraskh', precision: 'near' },
      actor1: 'Azerbaijan',
      actor2: 'Russia',
      killed: { best: 2, qualifier: 'exact' },
    });
  });

  it('makes one event of several mentions of the same event', () => {
    const text =
      'Russian peacekeepers arrived in Stepanakert on Tuesday.\nMore Russian troops were deployed in the Lachin corridor, the ministry said.';
    expect(events(text).filter((e) => e[0] === 'deployment')).toHaveLength(1);
  });

  it('does not turn history, plans or hypotheticals into events', () => {
    const text = [
      'The two sides fought a war over Nagorno-Karabakh in the early 1990s.',
      'The opposition called for a protest in Yerevan on Friday.',
      'A new offensive on Shusha could have captured the town.',
      'All attempts at a ceasefire brokered in Moscow have been unsuccessful.',
    ].join('\n');
    expect(events(text)).toEqual([]);
  });

  it('takes the place from the sentence before when the sentence names none', () => {
    const text = 'Thousands gathered in Yerevan on Wednesday. Protesters stormed the parliament building.';
    expect(events(text, '2020-11-12')).toEqual([['riot', 'am-yerevan', '2020-11-12']]);
  });

  it('reads a protest and names the protesters by country', () => {
    const [e] = factsOf('In Baku, jubilant residents took to the streets waving flags.').events;
    expect(e).toMatchObject({ kind: 'protest', place: { id: 'az-baku' }, actor1: 'Protesters (Azerbaijan)' });
  });

  it('reads peacekeepers taking control of a pass as a deployment', () => {
    const text = 'Russian peacekeepers took control of the Lachin Pass on Tuesday.';
    expect(events(text)).toEqual([['deployment', 'az-lachin-pass', '2020-11-10']]);
  });

  it('does not take the origin of fire as the place it hit', () => {
    const text = 'Shells landed in Martakert, fired from positions near Aghdam.';
    expect(events(text)).toEqual([['shelling', 'az-martakert', '2020-11-10']]);
  });

  it('reads an accusation of breaking a truce as a ceasefire violation', () => {
    const text =
      'Armenia and Azerbaijan accused each other on Sunday of breaking a new humanitarian ceasefire in Nagorno-Karabakh.';
    expect(events(text, '2020-10-18')).toEqual([
      ['ceasefire_violation', 'az-nagorno-karabakh', '2020-10-18'],
    ]);
  });

  it('does not date an event by the start of a running total', () => {
    const text =
      'Officials said 874 servicemen had been killed in Nagorno-Karabakh since fighting began on Sept. 27.';
    expect(events(text, '2020-10-18')).toEqual([]);
  });

  it('places a clash in a village the gazetteer does not list', () => {
    const text =
      'Six soldiers were killed on Saturday in clashes near the village of Hin Tagher in the Hadrut region.';
    expect(events(text, '2020-12-14')).toEqual([['armed_clash', 'unlisted-hin-tagher', '2020-12-12']]);
  });

  it('reads a town coming under fire and a town taken', () => {
    expect(events('Stepanakert came under heavy shelling on Sunday.')).toEqual([
      ['shelling', 'az-stepanakert', '2020-11-08'],
    ]);
    expect(events('Azerbaijani troops took the town of Hadrut on Friday.')).toEqual([
      ['territory_change', 'az-hadrut', '2020-11-06'],
    ]);
  });

  it('points evidence at sentences of the text', () => {
    const text = 'Azerbaijani forces captured Shusha on Sunday.';
    const [e] = factsOf(text).events;
    expect(e?.evidence).toEqual([{ start: 0, end: text.length }]);
  });
});

describe('choosing the place', () => {
  it('does not read a place used as an adjective as where the event happened', () => {
    const text = 'Thousands protest in Armenia, demand resignation over Karabakh deal.';
    expect(events(text)).toEqual([['protest', 'am', '2020-11-10']]);
  });
});

describe('merging', () => {
  it('folds a breach of the ceasefire into the shelling that the same sentence describes', () => {
    const [e, ...rest] = factsOf('Azerbaijan violated the ceasefire by shelling Martuni on Monday.').events;
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ kind: 'shelling', place: { id: 'az-martuni' }, date: { start: '2020-11-09' } });
    expect(e?.evidence).toHaveLength(1);
  });
});

describe('the trigger rules', () => {
  it('holds one of its keys in every match, so the cheap test never hides a match', async () => {
    const { TRIGGERS, keysIn, mayMatch } = await import('./triggers.js');
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../fixtures/', import.meta.url);
    const texts = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8'));
    texts.push(
      'Gunmen opened fire on a UN patrol. A mine exploded under a truck. Rebels freed 12 Ugandans.',
      'Insurgents staged an assault on an army post. The truce began at dawn. Monitors recorded eight explosions.',
    );
    for (const rule of TRIGGERS)
      for (const text of texts)
        for (const m of text.matchAll(new RegExp(rule.re.source, rule.re.flags)))
          expect(mayMatch(rule, keysIn(m[0].toLowerCase())), `${rule.kind}: ${m[0]}`).toBe(true);
  });
});
