import { describe, expect, it } from 'vitest';
import { factsOf } from '../test-support/facts.js';
import { findQuotedSpans } from './quoted-spans.js';

const quotes = (text: string) => factsOf(text).quotes.map((q) => [q.speaker, q.text, q.direct]);

describe('findQuotedSpans', () => {
  it('finds curly, straight, single, guillemet and German quotes but not apostrophes', () => {
    const text = `“a b,” "c d" 'e f' «g h» „i j“ the soldiers' kit and Baku's view`;
    expect(findQuotedSpans(text).map((s) => text.slice(s.open + 1, s.close))).toEqual([
      'a b,',
      'c d',
      'e f',
      'g h',
      'i j',
    ]);
  });

  it('drops a mark that never closes instead of searching past its paragraph', () => {
    expect(findQuotedSpans('"never closed\nplain "closed here" ok')).toHaveLength(1);
  });

  it('carries a quote over paragraphs that reopen with the same mark', () => {
    const text = 'He said: "We will not give up.\n"We will rebuild," he added.';
    expect(findQuotedSpans(text).map((s) => text.slice(s.open + 1, s.close))).toEqual([
      'We will not give up.',
      'We will rebuild,',
    ]);
  });
});

describe('findQuotes', () => {
  it('attributes "…," X said and "…," said X, keeping the person not the title', () => {
    expect(quotes('"We hold the pass," Colonel Arman Petrosyan said in a statement.')).toEqual([
      ['Arman Petrosyan', 'We hold the pass', true],
    ]);
    expect(quotes('"The talks go on," said Olga Brandt of the International Crisis Group.')[0]?.[0]).toBe(
      'Olga Brandt',
    );
  });

  it('gives an appositive name precedence over the boss named before it', () => {
    const text =
      '"The Secretary-General welcomes the truce," said UN Secretary-General spokesman Antonio Guterres, Stephane Dujarric.';
    expect(quotes(text)[0]?.[0]).toBe('Stephane Dujarric');
  });

  it('splits a quote around its attribution and keeps the speaker for the second part', () => {
    const text =
      '"We are ready," said Hikmet Hajiyev, adding, "Every violation will get a response. We are patient."';
    expect(quotes(text).map((q) => q[0])).toEqual(['Hikmet Hajiyev', 'Hikmet Hajiyev']);
    expect(quotes(text)[1]?.[1]).toContain('We are patient.');
  });

  it('reads "X described it as", colon lead-ins and misspelled names', () => {
    const text =
      'Prime Minister Nikol Pasjinian described the deal as "painful for our people." He added: "We will rebuild."';
    expect(quotes(text).map((q) => q[0])).toEqual(['Nikol Pashinyan', 'Nikol Pashinyan']);
  });

  it('resolves "the Turkish president" to the president named earlier', () => {
    const text =
      'Turkish President Recep Tayyip Erdogan spoke on Monday. The Turkish president called it "a step towards peace."';
    expect(quotes(text)[0]?.[0]).toBe('Recep Tayyip Erdogan');
  });

  it('attributes to an organisation when no person speaks', () => {
    const text = 'The US State Department said in a statement that Washington "is glad the guns are silent."';
    expect(quotes(text)[0]?.[0]).toBe('US State Department');
  });

  it('gives chants to the crowd and leaves unattributed quotes without a speaker', () => {
    expect(quotes('Crowds marched through the square chanting, "Peace now! Peace now!"')[0]?.[0]).toBe(
      'crowd',
    );
    expect(quotes('"Stop the shelling of our homes" read one banner.')[0]?.[0] ?? null).toBeNull();
  });

  it('skips scare quotes around names', () => {
    expect(quotes('The so-called "Minsk Group" met again.')).toEqual([]);
  });

  it('takes the person before an appositive, not the boss named inside it', () => {
    const text = 'Hikmet Hajiyev, an aide to President Ilham Aliyev, said: "This is a war crime."';
    expect(quotes(text)[0]?.[0]).toBe('Hikmet Hajiyev');
  });

  it('resolves "he" to the subject of the sentence before, not the last quoted speaker', () => {
    const text =
      '"We hold the line," said Shushan Stepanyan. Hikmet Hajiyev spoke later in Baku. "It was a crime," he told reporters.';
    expect(quotes(text).map((q) => q[0])).toEqual(['Shushan Stepanyan', 'Hikmet Hajiyev']);
  });

  it('reads lower-case government bodies and countries as speakers', () => {
    expect(quotes(`"We repelled the attack," Azerbaijan's defence ministry said.`)[0]?.[0]).toBe(
      "Azerbaijan's defence ministry",
    );
    expect(quotes('"The town is ours," the Armenian military said.')[0]?.[0]).toBe('Armenian military');
    expect(quotes('Azerbaijan said one of its soldiers was killed near Tovuz.')[0]?.slice(0, 1)).toEqual([
      'Azerbaijan',
    ]);
  });

  it('keeps an unnamed speaker described by role', () => {
    expect(quotes('"The road is closed," a mission spokesperson said.')[0]?.[0]).toBe('mission spokesperson');
  });

  it('reports indirect speech with direct: false', () => {
    const q = factsOf('Ilham Aliyev said that his forces had entered the town at dawn.').quotes;
    expect(q).toEqual([expect.objectContaining({ speaker: 'Ilham Aliyev', direct: false })]);
    expect(q[0]?.text).toBe('his forces had entered the town at dawn');
  });

  it('points every quote at its text', () => {
    const text = '"We are ready," said Hikmet Hajiyev. Pashinyan said he would resign.';
    for (const q of factsOf(text).quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});
