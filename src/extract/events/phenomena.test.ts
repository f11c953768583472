import { describe, expect, it } from 'vitest';
import { factsOf } from '../test-support/facts.js';

// Every text here is written for Truce; the places are real, the events are invented.
const eventsOf = (text: string, published: string | null = '2020-11-10') => factsOf(text, published).events;
const brief = (text: string, published: string | null = '2020-11-10') =>
  eventsOf(text, published).map((e) => ({
    kind: e.kind,
    place: e.place?.name ?? null,
    date: e.date?.start ?? null,
  }));

describe('dates of events (published Tuesday 10 November 2020)', () => {
  it('never dates an event by the page stamp', () => {
    const [e] = brief(
      'date 2020-11-10 Gunmen attacked a group of UN peacekeepers in southern Lebanon.\n\nThe attack happened on Sunday night, a spokesman said.',
    );
    expect(e).toMatchObject({ kind: 'attack_on_monitors', date: '2020-11-08' });
  });

  it('prefers the day the event happened over the day it was announced', () => {
    const [e] = brief(
      'Observers came under fire near Kabul, the mission said on Tuesday.\n\nThe attack took place on Sunday.',
    );
    expect(e?.date).toBe('2020-11-08');
  });

  it('counts "overnight" from the dated statement in its sentence', () => {
    const [e] = eventsOf(
      'An overnight attack on peacekeepers in southern Lebanon was condemned, a spokesman said on Monday.',
    );
    expect(e?.date).toMatchObject({ start: '2020-11-08', end: '2020-11-09' });
  });

  it('gives no date to the events of an article with no publication date', () => {
    const events = eventsOf('A roadside bomb killed two soldiers in Kandahar on Sunday.', null);
    expect(events).toHaveLength(1);
    expect(events[0]?.date).toBeNull();
  });

  it('dates an event told of another day by the days written back from the story', () => {
    const events = brief(
      'Gunmen ambushed UN peacekeepers near Mopti in central Mali on Monday.\n\nIt came four days after a roadside bomb killed three soldiers in the north.',
      '2020-11-09',
    );
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'landmine', date: '2020-11-05', place: 'northern Mali' }),
      ]),
    );
  });
});

describe('places of events', () => {
  it('reads a compass word and a country as a region of it', () => {
    const [e] = eventsOf('A mine wounded two deminers in eastern Ukraine on Monday.');
    expect(e?.place).toMatchObject({
      name: 'eastern Ukraine',
      kind: 'region',
      country: 'UA',
      precision: 'region',
    });
  });

  it('does not take a country that acts, or where a statement was made, for the place', () => {
    const [e] = brief('Ghana and Togo agreed a truce on Monday, their envoys told reporters in Lome.');
    expect(e?.kind).toBe('agreement');
    expect(['Ghana', 'Togo']).toContain(e?.place);
  });

  it('does not take a capital standing for its government for the place', () => {
    const [e] = brief('Hours after Moscow signed the accord, missiles hit the port of Kherson on Monday.');
    expect(e?.place).toBe('Kherson');
  });

  it('makes a place the gazetteer lacks but the text marks an unlisted place', () => {
    const [e] = eventsOf(
      'A roadside bomb killed a soldier in Marroqa district of Helmand province on Sunday.',
    );
    expect(e?.place).toMatchObject({ name: 'Marroqa', kind: 'district' });
  });
});

describe('one event in several sentences, several events each once', () => {
  it('takes the date and place of a later sentence about the same attack', () => {
    const events = brief(
      'Peacekeepers came under fire in Sudan, the mission said on Tuesday.\n\nThe attack happened on Sunday near the village of Umm Kerdos.',
    );
    expect(events).toEqual([{ kind: 'attack_on_monitors', place: 'Umm Kerdos', date: '2020-11-08' }]);
  });

  it('folds the headline into the body and a reference into the event it names', () => {
    const text =
      'Mortar attack kills three in Kabul\n\nA mortar attack killed three people near the parliament in Kabul on Monday.\n\nThe attack was condemned by the government.';
    expect(brief(text)).toEqual([{ kind: 'shelling', place: 'Kabul', date: '2020-11-09' }]);
  });

  it('keeps distinct events of one article apart', () => {
    const text =
      'Gunmen ambushed UN peacekeepers near Mopti on Monday.\n\nOn 2 November, a UN police patrol was ambushed near Kidal.';
    expect(brief(text).map((e) => e.date)).toEqual(['2020-11-09', '2020-11-02']);
  });
});

describe('casualties of events', () => {
  it('adds the wounded of the next sentence ("three others were hurt")', () => {
    const [e] = eventsOf(
      'A woman and a boy were killed when shells hit homes in Hodeidah on Sunday.\n\nThree other people were wounded, medics said.',
    );
    expect(e).toMatchObject({ kind: 'shelling', killed: { best: 2 }, injured: { best: 3 } });
  });

  it('counts casualties written without a figure', () => {
    const [e] = eventsOf(
      'An engineer was killed and another seriously hurt when their truck hit a mine near Herat on Sunday.',
    );
    expect(e).toMatchObject({ kind: 'landmine', killed: { best: 1 }, injured: { best: 1 } });
  });
});

describe('kinds of events', () => {
  it('reads hostage releases and aid convoys', () => {
    expect(brief('On 8 November, the rebels freed 12 hostages near Goma.')[0]?.kind).toBe(
      'prisoner_exchange',
    );
    expect(brief('A convoy of trucks carrying flour arrived in Aden on Monday.')[0]?.kind).toBe(
      'humanitarian_delivery',
    );
  });

  it('reads raids on bases, roadside bombs and a truce that begins', () => {
    expect(brief('Insurgents launched a raid on an army base near Maiduguri on Sunday.')[0]?.kind).toBe(
      'armed_clash',
    );
    expect(brief('A roadside bomb hit a police truck in Narathiwat on Sunday.')[0]?.kind).toBe('landmine');
    expect(brief('At dawn on Sunday a three-day truce began in Aden.')[0]?.kind).toBe('agreement');
  });

  it('reads a disengagement of forces as a withdrawal', () => {
    expect(brief('The disengagement of forces began near Zolote on Monday.')[0]?.kind).toBe('withdrawal');
  });

  it('reads an attack on a mission named by its acronym', () => {
    const [e] = eventsOf('Unknown men assaulted UNIFIL near Tyre on Monday.');
    expect(e).toMatchObject({ kind: 'attack_on_monitors', actor2: 'UNIFIL' });
  });

  it('names the armed group and the victims no theatre lists', () => {
    const [e] = eventsOf(
      'Rebel fighters of the Hill Front attacked a police post in Kasese on Sunday, killing four police officers.',
    );
    expect(e?.actor1).toBe('Hill Front');
    expect(e?.actor2).toBe('police officers');
  });
});

describe('no event', () => {
  it('keeps plans, names and history out', () => {
    const text = [
      'The disengagement of forces near Zolote will take place over three days.',
      'Both sides must respect the 1994 Disengagement of Forces Agreement.',
      'Seven peacekeepers were killed in an ambush near Mopti last month.',
      'Troops have been stationed in Kidal for three years.',
      'Since Sunday some 900 refugees have returned to Aden.',
      'The council called on the parties to prevent any breaches of the ceasefire.',
    ].join('\n\n');
    expect(eventsOf(text)).toEqual([]);
  });
});

describe('actors of events', () => {
  it('takes a group its nationality word describes for the actor, not the state', () => {
    const [e] = eventsOf(
      'The Kenyan militant group Sea Lions fired mortars at the port of Mombasa on Monday.',
    );
    expect(e?.actor1).toBe('Sea Lions');
  });

  it('keeps a state named beside a group as a party', () => {
    const [e] = eventsOf('Kenyan troops and Sea Lions fighters exchanged fire near Lamu on Sunday.');
    expect(e?.actor1).toBe('Kenya');
  });
});

describe('places a pack knows by common words', () => {
  it("does not put an event on another conflict's contact line", () => {
    const events = eventsOf(
      'Troops were withdrawn from the contact line on Monday, officials in Ukraine said.',
    );
    expect(events.map((e) => e.place?.kind)).not.toContain('line_of_contact');
  });
});

describe('handovers', () => {
  it('reads people handed over as a release, not a handover of territory', () => {
    const kinds = brief('On Monday the militia handed over 14 detainees to the Red Cross in Bunia.').map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(['prisoner_exchange']);
  });

  it('keeps releases in stages apart when they free different numbers of people', () => {
    const text =
      'The army confirmed that the militia has handed over 8 detainees to the Red Cross in Bunia.\n\n' +
      'On Sunday, the militia said it had handed over 12 detainees and three nurses to the Red Cross.';
    expect(brief(text)).toEqual([
      { kind: 'prisoner_exchange', place: 'Bunia', date: '2020-11-10' },
      { kind: 'prisoner_exchange', place: 'Bunia', date: '2020-11-08' },
    ]);
  });

  it('still reads one release told twice with the same number as one event', () => {
    const text =
      'The militia has handed over 8 detainees to the Red Cross in Bunia.\n\n' +
      'On Sunday, the militia said it had handed over 8 detainees to the Red Cross.';
    expect(brief(text)).toEqual([{ kind: 'prisoner_exchange', place: 'Bunia', date: '2020-11-08' }]);
  });
});

describe('deaths by side', () => {
  it('adds the dead of both sides told in two sentences', () => {
    const [e] = eventsOf(
      'Rebels attacked two checkpoints in Kasese on Sunday, killing four police officers.\n\nThe firefight left 13 militants dead.',
    );
    expect(e?.killed?.best).toBe(17);
  });

  it('does not add two reports of the same dead', () => {
    const [e] = eventsOf(
      'Rebels attacked a checkpoint in Kasese on Sunday, killing four police officers.\n\nThe attack on the checkpoint killed four officers.',
    );
    expect(e?.killed?.best).toBe(4);
  });
});

describe('places inside names of bodies', () => {
  it("does not take a place inside an armed group's or an organisation's name", () => {
    const text =
      'Fighters of the Islamic State West Africa Province attacked an army base near Damboa on Sunday.\n\nThe withdrawal of troops is monitored by the Organization for Security and Cooperation in Europe.';
    const names = eventsOf(text).map((e) => e.place?.name);
    expect(names).not.toContain('Africa');
    expect(names).not.toContain('Europe');
  });
});

describe('more on actors and casualties', () => {
  it('takes the group after "by" as the author of an attack on peacekeepers', () => {
    const [e] = eventsOf(
      'A UN peacekeeper was killed in Mali on Sunday during an attack by members of the Sahel Dawn group.',
    );
    expect(e).toMatchObject({ kind: 'attack_on_monitors', actor1: 'Sahel Dawn' });
  });

  it('prefers a count over a vague word for the wounded', () => {
    const [e] = eventsOf(
      'Three soldiers were injured when a mine exploded near Herat on Sunday, and several others were hurt.',
    );
    expect(e?.injured?.best).toBe(3);
  });

  it('does not take soldiers on patrol for monitors, nor a place before "group" for the group', () => {
    const [e] = eventsOf('A roadside bomb targeted soldiers on patrol near Herat on Sunday.');
    expect(e?.actor2 ?? '').not.toMatch(/patrol/);
    const [f] = eventsOf('Gunmen of the Herat group attacked a police post in Herat on Sunday.');
    expect(f?.actor1).not.toBe('Herat');
  });
});
