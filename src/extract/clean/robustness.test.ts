/**
 * Adversarial input: no exception escapes cleanDocument. The bound that keeps each document
 * finite: HTML beyond MAX_HTML_CHARS is not parsed, tree depth is flattened at MAX_DEPTH,
 * phrase tests read at most 400 characters of a paragraph, and every pattern is a plain
 * alternation without nested quantifiers. No test here asserts a duration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanDocument, type CleanedDocument } from './index.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function isWellFormed(result: CleanedDocument): boolean {
  return typeof result.text === 'string' && !/\n{3,}/.test(result.text) && result.text === result.text.trim();
}

describe('cleaning adversarial documents', () => {
  it('never throws on random bytes, with or without a content type', () => {
    const contentType = fc.constantFrom(
      undefined,
      'text/html',
      'text/plain',
      'text/html; charset=windows-1251',
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), contentType, (bytes, type) =>
        isWellFormed(cleanDocument({ bytes, contentType: type })),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on random markup-like strings', () => {
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<div class="share">',
      '</div>',
      '<br>',
      '"',
      '“',
      '<!--',
      '<script>',
      'a',
      ' ',
      '\n',
      'Please enter your comment!',
      'שלום',
      'مرحبا',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), (pieces) =>
        isWellFormed(cleanDocument({ bytes: encode(pieces.join('')) })),
      ),
      { numRuns: 1000 },
    );
  });

  it('handles 5 MB on one line as plain text and as HTML', () => {
    const line = 'The convoy passed the checkpoint, officials said. '.repeat(100_000);
    const plain = cleanDocument({ bytes: encode(line), contentType: 'text/plain' });
    expect(plain.text.length).toBeGreaterThan(4_000_000);
    const html = cleanDocument({ bytes: encode(`<html><body><p>${line}</p></body></html>`) });
    expect(html.text.length).toBeGreaterThan(1_000_000);
  });

  it('handles HTML nested 10,000 levels deep and keeps its text', () => {
    const depth = 10_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>The last post on the ridge was handed over at noon, the mission said.</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(cleanDocument({ bytes: encode(html) }).text).toContain(
      'The last post on the ridge was handed over',
    );
  });

  it('handles thousands of unclosed tags and unclosed quotes', () => {
    const html = `<html><body>${'<div><span><b>"word '.repeat(5000)}</body></html>`;
    expect(isWellFormed(cleanDocument({ bytes: encode(html) }))).toBe(true);
    const quotes = '"He said "they left '.repeat(5000);
    expect(isWellFormed(cleanDocument({ bytes: encode(quotes) }))).toBe(true);
  });

  it('handles 100,000 numbers and right-to-left scripts', () => {
    const numbers = Array.from({ length: 100_000 }, (_, at) => String(at)).join(' ');
    expect(isWellFormed(cleanDocument({ bytes: encode(numbers) }))).toBe(true);
    const hebrew = 'הפסקת האש נשמרה לאורך כל הלילה, כך נמסר מהמשימה. '.repeat(20);
    expect(cleanDocument({ bytes: encode(hebrew) }).text).toContain('הפסקת האש נשמרה');
    const arabic = `<html lang="ar" dir="rtl"><body><p>${'صمد وقف إطلاق النار طوال الليل، بحسب البعثة. '.repeat(10)}</p></body></html>`;
    const result = cleanDocument({ bytes: encode(arabic) });
    expect(result.declaredLanguage).toBe('ar');
    expect(result.text).toContain('صمد وقف إطلاق النار');
  });

  it('handles an unterminated script and an unterminated comment', () => {
    expect(
      isWellFormed(cleanDocument({ bytes: encode('<html><body><p>Kept text here.</p><script>var x = "') })),
    ).toBe(true);
    expect(
      cleanDocument({ bytes: encode('<p>Before the comment, text.</p><!-- never closed <p>x</p>') }).text,
    ).toBe('Before the comment, text.');
  });
});
