import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from './index.js';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const cleanHtmlText = (html: string): string =>
  cleanDocument({ bytes: new TextEncoder().encode(html), contentType: 'text/html' }).text;

describe('cleaning a nested news page', () => {
  const result = cleanDocument({ bytes: fixture('nested-article.html.fixture') });

  it('detects HTML and reads the metadata', () => {
    expect(result.isHtml).toBe(true);
    expect(result.title).toBe('Corridor reopens to aid convoys');
    expect(result.published).toBe('2021-03-14');
    expect(result.declaredLanguage).toBe('en-GB');
  });

  it('keeps every paragraph of the story, in order, one blank line apart', () => {
    const paragraphs = result.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^The mountain corridor between the two valleys reopened/);
    expect(paragraphs).toContain('A fragile arrangement');
    expect(paragraphs.at(-1)).toBe('It is not yet clear whether the evening curfew will be lifted.');
    expect(result.text).toContain(
      '"We counted every truck in and we will count every truck out," said Ivo Marsh',
    );
  });

  it('drops menus, share bars, related links, comments, sidebars, footers and scripts', () => {
    for (const junk of [
      'cookies',
      'Home',
      'Facebook',
      'Talks stall',
      'Related Articles',
      'Shelling resumes',
      'Leave a Reply',
      'Most read',
      'All rights reserved',
      'Back to top',
      'not text',
      'color: red',
    ]) {
      expect(result.text).not.toContain(junk);
    }
  });
});

describe('metadata fallbacks', () => {
  const body =
    '<p>The ceasefire held through the night along the whole front line, officials in both capitals said.</p>';

  it('falls back to <title> and the article:published_time meta tag', () => {
    const html = `<html><head><title>Ceasefire holds</title><meta property="article:published_time" content="2020-11-10T06:00:00+04:00"></head><body>${body}</body></html>`;
    const result = cleanDocument({ bytes: new TextEncoder().encode(html) });
    expect(result.title).toBe('Ceasefire holds');
    expect(result.published).toBe('2020-11-10');
  });

  it('reads the date from <time datetime> when nothing else declares one', () => {
    const html = `<html><body><h1>Night report</h1><time datetime="2023-05-02">2 May</time>${body}</body></html>`;
    const result = cleanDocument({ bytes: new TextEncoder().encode(html) });
    expect(result.title).toBe('Night report');
    expect(result.published).toBe('2023-05-02');
  });

  it('leaves the date unknown when the page gives none', () => {
    const result = cleanDocument({ bytes: new TextEncoder().encode(`<html><body>${body}</body></html>`) });
    expect(result.published).toBeNull();
    expect(result.title).toBeNull();
  });
});

describe('short pages', () => {
  it('keeps the text of a page with a single paragraph', () => {
    expect(cleanHtmlText('<p>Talks resumed.</p>')).toBe('Talks resumed.');
  });

  it('turns <br> into paragraph breaks', () => {
    expect(cleanHtmlText('<div>First line of the statement<br>Second line of it</div>')).toBe(
      'First line of the statement\n\nSecond line of it',
    );
  });
});
