import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentFlags, extract } from './extract.js';
import { Extraction } from './schema.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const run = (name: string, published: string | null) =>
  extract(
    { bytes: fixture(name), contentType: name.endsWith('.html') ? 'text/html' : 'text/plain' },
    { published },
  );

function expectOffsetsInside(result: Extraction): void {
  const length = result.document.text.length;
  const spans = [
    ...result.quotes,
    ...result.figures,
    ...result.events.flatMap((e) => e.evidence),
    ...Object.values(result.mentions).flatMap((m: Extraction['mentions']['people']) =>
      m.flatMap((x) => x.spans),
    ),
  ];
  for (const s of spans) {
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(length);
  }
}

describe('extract on the fixture articles', () => {
  it('reads a shelling report: one event, the dead and wounded, misspelled leader, relative date', () => {
    const r = run('shelling-mardakert.txt', '2020-10-16');
    expect(Extraction.parse(r)).toEqual(r);
    expect(r.document.sha256).toBe(createHash('sha256').update(r.document.text).digest('hex'));
    expect(r.document.text).not.toContain('Leave a Reply');
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({
      kind: 'shelling',
      place: { id: 'az-martakert' },
      date: { start: '2020-10-15', text: 'yesterday afternoon' },
      actor1: 'Azerbaijan',
      killed: { low: 3, qualifier: 'at_least' },
      injured: { best: 12 },
    });
    expect(r.quotes.map((q) => q.speaker)).toEqual(
      expect.arrayContaining(['Shushan Stepanyan', 'Nikol Pashinyan', 'Hikmet Hajiyev']),
    );
    expect(r.figures.map((f) => [f.kind, f.best])).toEqual(expect.arrayContaining([['displaced', 1200]]));
    expectOffsetsInside(r);
  });

  it('reads a protest report: the chant goes to the crowd, the planned strike is no event', () => {
    const r = run('protest-yerevan.txt', '2020-11-12');
    expect(r.events.map((e) => [e.kind, e.place?.id, e.date?.start])).toContainEqual([
      'protest',
      'am-yerevan',
      '2020-11-11',
    ]);
    expect(r.events.every((e) => e.date?.start !== '2020-11-13')).toBe(true);
    expect(r.quotes.find((q) => q.text.startsWith('Nikol, traitor'))?.speaker).toBe('crowd');
    expect(r.figures.map((f) => f.kind)).toEqual(expect.arrayContaining(['protesters', 'detained']));
    expectOffsetsInside(r);
  });

  it('reads a monitoring report: denied access near Marinka on Tuesday, violation counts', () => {
    const r = run('monitors-marinka.txt', '2021-03-04');
    expect(r.events[0]).toMatchObject({
      kind: 'movement_restriction',
      place: { id: 'ua-mariinka' },
      date: { start: '2021-03-02' },
    });
    expect(r.figures.map((f) => [f.kind, f.best])).toEqual(expect.arrayContaining([['violations', 312]]));
    expect(r.quotes.find((q) => q.direct)?.speaker).toBe('mission spokesperson');
  });

  it('flags a French article and extracts nothing from it', () => {
    const r = run('french-article.txt', '2020-11-10');
    expect(r.document.language).toBe('fr');
    expect(r.document.flags).toEqual(['not_english']);
    expect([r.events, r.quotes, r.figures]).toEqual([[], [], []]);
  });

  it('reads an HTML page: title, publication date from its metadata, the shoot-down', () => {
    const r = run('helicopter-report.html', null);
    expect(r.document.published).toBe('2020-11-09');
    expect(r.document.title).toContain('Helicopter downed');
    expect(r.events[0]).toMatchObject({ kind: 'aircraft_shot_down', actor2: 'Russia', killed: { best: 2 } });
    expect(r.quotes.find((q) => q.text.includes('by mistake'))?.speaker).toContain('Foreign Ministry');
  });

  it('flags why facts may be missing, and extracts anyway when the language is only undetermined', () => {
    expect(documentFlags('', 'und')).toEqual(['empty']);
    expect(documentFlags('Bonjour à tous', 'fr')).toEqual(['not_english']);
    expect(documentFlags('Shusha 10 11', 'und')).toEqual(['language_undetermined']);
    expect(documentFlags('The truce held.', 'en')).toEqual([]);
  });

  it('gives the same output for the same input', () => {
    expect(run('shelling-mardakert.txt', '2020-10-16')).toEqual(run('shelling-mardakert.txt', '2020-10-16'));
  });
});
