import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from './index.js';

const paragraphsOf = (name: string): string[] =>
  cleanDocument({ bytes: readFileSync(new URL(`./fixtures/${name}`, import.meta.url)) }).text.split('\n\n');

describe('a scraped wire page with its furniture', () => {
  const paragraphs = paragraphsOf('wire-page-scraped.txt');
  const text = paragraphs.join('\n\n');

  it('keeps the headline, every story sentence and the subheading, in order', () => {
    expect(paragraphs).toEqual([
      "Monitors' vehicle hit by roadside blast near Velin",
      'VELIN (Wire) — A roadside bomb struck a vehicle of the joint monitoring mission on the river road north of Velin on Wednesday, wounding two observers, the mission said in a statement.',
      'The observers were taken to the district hospital in Dorn and their injuries were not life-threatening, according to the statement.',
      '"This was a deliberate attack on people whose only task is to watch the line," the mission\'s spokeswoman, Ilse Varga, told reporters.',
      'Damage to the road',
      'Engineers from both sides inspected the crater later in the day and agreed to repair the road within a week.',
      'It was the third incident involving the mission this year.',
      'Neither side claimed responsibility.',
    ]);
  });

  it.each([
    ['a radio widget', 'Listen Live'],
    ['a privacy notice in German', 'Datenschutz'],
    ['a section label in the head', 'World'],
    ['a date header with a Hebrew-calendar date', 'Adar'],
    ['a time stamp', '9:40 am'],
    ['a byline', 'By Jane Roe'],
    ['a byline with a newsroom role', 'Senior Correspondent'],
    ['a reading time', 'Min Read'],
    ['font-size controls', '-A +A'],
    ['a caption with a photo credit', 'Photo: Wire'],
    ['a caption with no credit between paragraphs', 'A monitor checks the map'],
    ['a short caption opening with an indefinite article', 'A boy watches'],
    ['a parenthesised photo credit', 'Wire Photo'],
    ['a teaser header and its headlines', 'Envoy to visit'],
    ['a glued agency dateline strip', 'Updated:'],
    ['a topic line', 'Topics:'],
    ['teasers under "Also Check Out"', 'Farmers return'],
    ['a social-media promotion', 'follow us'],
    ['a contact line', 'desk@example.org'],
    ['a closed-comments notice', 'Comments are closed'],
    ['a way back to the headlines', 'Back to headlines'],
  ])('drops %s', (_phenomenon, junk) => {
    expect(text).not.toContain(junk);
  });
});

describe('a bulletin whose capture stops mid-sentence', () => {
  const paragraphs = paragraphsOf('bulletin-cut-short.txt');

  it('keeps the last paragraph though it has no sentence end', () => {
    expect(paragraphs.at(-1)).toMatch(/closed to its vehicles since$/);
  });

  it('cuts a glued teaser out of a paragraph and keeps the paragraph', () => {
    expect(paragraphs).toContain(
      '"Most of the explosions were heard east of Dorn," the mission said in its report.',
    );
    expect(paragraphs.join(' ')).not.toContain('Envoy');
  });

  it('drops the head label and the representative-image line', () => {
    expect(paragraphs[0]).toBe('Mission counts 40 ceasefire violations over the weekend');
    expect(paragraphs.join(' ')).not.toContain('Representative');
  });
});

describe('a bulletin written as a list', () => {
  const text = [
    'Mission counts violations in the northern sector',
    'The monitoring mission said on Monday that it had recorded the following in the northern sector over the past day, a sharp rise on the previous report.',
    '- Explosions heard east of Dorn, most of them from mortars',
    '- 14 projectiles in flight near the river crossing',
    'The mission also said its drones had been jammed twice near Kessa, and that it had asked both sides for guarantees before its patrols returned to the area.',
    '- 3 bursts of small-arms fire south of Velin',
    '- Home',
    '- Contact us',
  ].join('\n');
  const paragraphs = cleanDocument({ bytes: new TextEncoder().encode(text) }).text.split('\n\n');

  it('keeps unterminated list items between paragraphs, as facts rather than captions', () => {
    expect(paragraphs).toContain('- Explosions heard east of Dorn, most of them from mortars');
    expect(paragraphs).toContain('- 14 projectiles in flight near the river crossing');
  });

  it('keeps the last list item with a figure and drops the menu after it', () => {
    expect(paragraphs.at(-1)).toBe('- 3 bursts of small-arms fire south of Velin');
  });
});

describe('a teaser header glued to the story', () => {
  it('reads the teasers after it as teasers and keeps the story sentence', () => {
    const text = [
      'Both delegations left the talks in Velin on Tuesday without a date for the next round, the mediators said in a short statement after the meeting.',
      'Neither side commented on the outcome.ALSO READ',
      'Floods close the southern checkpoint',
      'Farmers return to fields near Kessa after the harvest truce',
    ].join('\n');
    const paragraphs = cleanDocument({ bytes: new TextEncoder().encode(text) }).text.split('\n\n');
    expect(paragraphs.at(-1)).toBe('Neither side commented on the outcome.');
    expect(paragraphs).toHaveLength(2);
  });
});
