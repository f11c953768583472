import { describe, expect, it } from 'vitest';
import { speakerOf, worldQuotes } from './test-theatre.js';

const indirect = (text: string) =>
  worldQuotes(text)
    .filter((q) => !q.direct)
    .map((q) => [q.speaker, q.text]);

describe('indirect speech frames', () => {
  it('reads a closing attribution after the clause, with its addressee and time', () => {
    expect(
      indirect('Two drones struck the depot before dawn, the interior ministry told reporters on Friday.'),
    ).toEqual([['the interior ministry', 'Two drones struck the depot before dawn']]);
  });

  it('reads "according to X" before and after the clause', () => {
    expect(indirect('According to Marta Velasquez, the bridge reopened at noon.')).toEqual([
      ['Marta Velasquez', 'the bridge reopened at noon'],
    ]);
    expect(indirect('The bridge reopened at noon, according to the mission.')[0]?.[1]).toBe(
      'The bridge reopened at noon',
    );
  });

  it('gives "cited X as saying" to the one cited, not the agency citing', () => {
    const q = worldQuotes('The agency cited the port authority as saying that three boats had been seized.');
    expect(speakerOf(q, 'three boats had been seized')).toBe('the port authority');
  });

  it('keeps the speaker for a second clause after "adding that"', () => {
    const q = worldQuotes('The patrol turned back at the ford, she said, adding that the road was mined.');
    expect(q.filter((x) => !x.direct).map((x) => x.text)).toEqual([
      'The patrol turned back at the ford',
      'the road was mined',
    ]);
  });

  it('starts at the verb when the verb is part of the statement ("vowed to", "accused")', () => {
    const q = indirect('Elena Marsh vowed to reopen the crossing within a week.');
    expect(q).toEqual([['Elena Marsh', 'vowed to reopen the crossing within a week']]);
  });

  it('takes the main speaker, not a source named in passing ("As the agency reported, X said")', () => {
    const q = worldQuotes(
      'As Coastline Radio reported, Defence Minister Omar Haddad said that the talks would resume.',
    );
    expect(speakerOf(q, 'the talks would resume')).toBe('Omar Haddad');
  });

  it('ends the first clause where a second speaker begins', () => {
    const q = worldQuotes(
      'The governor claimed the shells had hit a school as President Lina Ortas declared that "no one will be forgotten".',
    );
    expect(q.find((x) => !x.direct)?.text).toBe('the shells had hit a school');
    expect(speakerOf(q, 'no one will be forgotten')).toBe('Lina Ortas');
  });

  it('does not read a denial of access as speech, nor repeat a direct quote as indirect', () => {
    expect(indirect('Monitors denied access near the dam waited for hours.')).toEqual([]);
    expect(indirect('Hours later the two governments concluded a deal on the harbour.')).toEqual([]);
    expect(
      worldQuotes('"We hold the ridge," Captain Ivo Brankov said on the radio.').map((q) => q.direct),
    ).toEqual([true]);
  });
});

describe('leadVerbs', () => {
  it('finds the speech verbs the case-insensitive Unicode pattern finds, at the same offsets', async () => {
    const { leadVerbs } = await import('./reported.js');
    const { CLAUSE_VERBS, OBJECT_VERBS } = await import('./speech-verbs.js');
    const reference = new RegExp(`\\b(${CLAUSE_VERBS}|${OBJECT_VERBS})\\b`, 'giu');
    const sentences = [
      'The ministry SAID on Monday that troops Pointed Out the breach, officials added.',
      'He AC\u212ANOWLEDGED the shelling and \u212Aept talking.', // Kelvin sign for K
      'Officials \u017Faid the truce held.', // long s for s
      'İstanbul officials said the talks would resume.', // İ lower-cases to two code units
      'Nobody spoke; the resaid word and saidx are not verbs.',
    ];
    const shape = (ms: readonly RegExpMatchArray[]) =>
      ms.map((m) => [m.index, m[0].length, m[1]?.toLowerCase()]);
    for (const s of sentences) expect(shape(leadVerbs(s)), s).toEqual(shape([...s.matchAll(reference)]));
  });
});
