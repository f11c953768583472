import { describe, expect, it } from 'vitest';
import { speakerOf, worldQuotes } from './test-theatre.js';

describe('speakers that point back', () => {
  it('gives "he added" to the described officer of the quote before, even over two sentences', () => {
    const q = worldQuotes(
      '"We found the trucks burnt. Nobody was inside," a senior border officer from President Amel Korda\'s camp told the radio.\n\n"The drivers had fled," he added.',
    );
    expect(speakerOf(q, 'The drivers had fled')).toBe('senior border officer');
  });

  it('gives "it said" to the body that spoke last, and "they said" to a group', () => {
    const q = worldQuotes(
      'The Coastal Command said the harbour was closed to shipping. It said two tugs had been damaged by the blast.',
    );
    expect(speakerOf(q, 'two tugs had been damaged')).toBe('Coastal Command');
    const g = worldQuotes(
      'Two farmers were hurt in the shelling of the orchard, medics told the radio. One of them lost a hand, they said.',
    );
    expect(speakerOf(g, 'lost a hand')).toBe('medics');
  });

  it('gives a document to the body that issued it ("the message reads", "a statement from X")', () => {
    const q = worldQuotes(
      'The crossing was shut at dawn, the Joint Liaison Committee informed on Monday.\n\nThe queue grew. Drivers waited.\n\n"The gate was hit twice. Nobody was hurt. The lorries were moved. All staff are safe," the message reads.',
    );
    expect(speakerOf(q, 'All staff are safe')).toBe('Joint Liaison Committee');
    const s = worldQuotes('A mortar round hit the market, a statement from the district governor said.');
    expect(speakerOf(s, 'A mortar round hit the market')).toBe('the district governor');
  });

  it('reads a definite description as the body named before, and keeps "the" when none was', () => {
    const q = worldQuotes(
      'The Joint Ceasefire Commission met in closed session. The 12-member body also stressed that both sides must respect the line.',
    );
    expect(speakerOf(q, 'both sides must respect the line')).toBe('Joint Ceasefire Commission');
    expect(
      speakerOf(worldQuotes('The road was cleared of mines, the centre said.'), 'road was cleared'),
    ).toBe('the centre');
  });

  it('takes an unattributed quote that opens a paragraph from the statement just before it', () => {
    const q = worldQuotes(
      'General Tomas Reyna, spokesman for the Joint Staff, confirmed the raid on the depot.\n\n"We lost two vehicles in the raid."',
    );
    expect(speakerOf(q, 'We lost two vehicles')).toBe('Tomas Reyna');
  });
});

describe('speakers named by office, body, acronym or capital', () => {
  it('reads a capital as its government, from the world base alone', () => {
    const q = worldQuotes(
      'Moscow said the convoy had crossed the border. Kyiv accused the other side of shelling the port.',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Russia', 'Ukraine']);
  });

  it('keeps an unnamed source with the body it belongs to, and "one of the officers"', () => {
    expect(
      speakerOf(
        worldQuotes('A source in the UN told the agency that the team would travel by road.'),
        'by road',
      ),
    ).toBe('source in the UN');
    expect(
      speakerOf(worldQuotes('"We lost four men," one of the officers told reporters.'), 'four men'),
    ).toBe('one of the officers');
  });

  it('prefers an acronym right before the verb to a body named further back', () => {
    const q = worldQuotes(
      'The captives were handed to the Red Cross at the gate, and the KDF confirmed that all were released.',
    );
    expect(speakerOf(q, 'all were released')).toBe('KDF');
  });

  it('reads a lone capitalised subject as the speaker ("Velmar claimed")', () => {
    const q = worldQuotes('On 3 May, Velmar claimed that it had freed eleven captives.');
    expect(speakerOf(q, 'it had freed eleven captives')).toBe('Velmar');
  });

  it('gives the quote to the person before an appositive left open, not to the description', () => {
    const q = worldQuotes(
      'Ines Calder, a press officer for the mission - known by its acronym - called on both sides to "stop firing at the posts."',
    );
    expect(speakerOf(q, 'stop firing at the posts')).toBe('Ines Calder');
  });

  it('reads a command named with its direction and a body headed by its country', () => {
    const q = worldQuotes(
      '"The dam is safe," Operational Command East wrote on its channel. "We returned fire," the Chile Defence Forces said.',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Operational Command East', 'Chile Defence Forces']);
  });

  it('reads the person after a long capitalised office', () => {
    const q = worldQuotes(
      '"The road is open," the UN Assistant Secretary General for Political Affairs Dara McNeill said in a statement.',
    );
    expect(q[0]?.speaker).toBe('Dara McNeill');
  });

  it('reads names with particles and apostrophes', () => {
    const q = worldQuotes(
      '"The road must stay open," said Kieran O\'Malley. Later Samir al-Rashidi told the radio that aid had arrived.',
    );
    expect(q.map((x) => x.speaker)).toEqual(["Kieran O'Malley", 'Samir al-Rashidi']);
  });

  it('reads a quote whose leading space was lost in scraping', () => {
    const q = worldQuotes(
      'Read also: a visit next week"In the north, the mission counted six explosions," it said.',
    );
    expect(q.find((x) => x.direct)?.text).toContain('In the north, the mission counted six explosions');
  });
});
