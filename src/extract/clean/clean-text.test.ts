import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from './index.js';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const cleanText = (text: string): string => cleanDocument({ bytes: new TextEncoder().encode(text) }).text;

describe('cleaning a scraped plain-text report', () => {
  const result = cleanDocument({ bytes: fixture('truce-report-scraped.txt'), contentType: 'text/plain' });

  it('is read as plain text', () => {
    expect(result.isHtml).toBe(false);
    expect(result.charset).toBe('utf-8');
  });

  it('keeps the headline, the lead and every sentence of the article', () => {
    for (const sentence of [
      'Monitors report a quiet night along the northern line',
      'Observers counted fewer violations than in any week since the truce began',
      'the lowest figure since the truce took effect.',
      '"The night was calm, and both sides kept their heavy weapons behind the agreed lines,"',
      'but saw no damage.',
      'Gen. Ardan Tal, who commands the eastern sector',
      'It was short.',
      'can be renewed by either party giving notice.',
    ]) {
      expect(result.text).toContain(sentence);
    }
  });

  it('keeps subheadings that sit between paragraphs', () => {
    expect(result.text).toContain('\n\nPatrol routes\n\n');
    expect(result.text).toContain('\n\nNext steps\n\n');
  });

  it('drops the cookie banner, share bar, credits, tags, teasers and comment form', () => {
    for (const junk of [
      'We use cookies',
      'Share this',
      'Facebook Twitter',
      'Editing and Translating',
      'Photo: AFP',
      'Tags:',
      'CeasefireMonitoring',
      'Related Articles',
      'Floods cut the road',
      'Prisoner exchange delayed',
      'Back to top',
      'Leave a Reply',
      'will not be published',
      'Please enter your comment!',
      'Please enter your name here',
    ]) {
      expect(result.text).not.toContain(junk);
    }
  });

  it('ends with the article', () => {
    expect(result.text.endsWith('can be renewed by either party giving notice.')).toBe(true);
  });
});

describe('cookie notices in other languages', () => {
  const article =
    'The commission met in the capital on Tuesday and agreed to extend the exchange of detainees for another month, its chair said.';

  it.each([
    ['French', 'Nous utilisons des cookies pour améliorer votre expérience. En poursuivant, vous acceptez.'],
    ['German', 'Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie der Datenschutzerklärung zu.'],
    ['Russian', 'Этот сайт использует файлы cookie. Продолжая, вы соглашаетесь с условиями.'],
    ['Spanish', 'Utilizamos cookies propias y de terceros. Si continúa navegando, acepta su uso.'],
  ])('drops a %s cookie banner', (_language, banner) => {
    const text = cleanText(`${banner}\n\n${article}`);
    expect(text).toBe(article);
  });
});

describe('hard-wrapped plain text', () => {
  it('joins wrapped lines back into one paragraph', () => {
    const text = cleanText(
      'The parties agreed to pull heavy artillery back fifteen kilometres\nfrom the line of contact within ten days of signing, and to let\nmonitors verify the withdrawal.\n\nBoth sides said they would comply.',
    );
    expect(text).toBe(
      'The parties agreed to pull heavy artillery back fifteen kilometres from the line of contact within ten days of signing, and to let monitors verify the withdrawal.\n\nBoth sides said they would comply.',
    );
  });
});
