import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, looksLikeHtml } from './decode.js';
import { cleanDocument } from './index.js';

describe('finding the charset', () => {
  it('reads it from a Content-Type parameter, quoted or not', () => {
    expect(charsetFromContentType('text/html; charset="Windows-1251"')).toBe('windows-1251');
    expect(charsetFromContentType('text/plain;charset=iso-8859-2')).toBe('iso-8859-2');
    expect(charsetFromContentType(undefined)).toBeNull();
  });

  it('decodes a windows-1251 page that declares its charset with <meta http-equiv>', () => {
    const bytes = readFileSync(new URL('./fixtures/monitors-windows-1251.html.fixture', import.meta.url));
    const result = cleanDocument({ bytes });
    expect(result.charset).toBe('windows-1251');
    expect(result.title).toBe('Наблюдатели сообщают о спокойной ночи');
    expect(result.published).toBe('2022-07-03');
    expect(result.text).toContain('не было зафиксировано ни одного нарушения');
    expect(result.text).toContain('сообщили в пресс-службе.');
    expect(result.text).not.toContain('cookie');
  });

  it('lets the Content-Type header win over <meta charset>', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><p>caf'), 0xe9, 0x3c]);
    expect(decodeBytes(bytes, 'text/html; charset=iso-8859-1').text).toContain('café');
  });

  it('reads <meta charset>', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="koi8-r"><p>'), 0xd4, 0xc1]);
    const decoded = decodeBytes(bytes);
    expect(decoded.charset).toBe('koi8-r');
    expect(decoded.text).toContain('та');
  });

  it('honours a UTF-16 byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(decodeBytes(bytes)).toMatchObject({ charset: 'utf-16le', text: 'Hi' });
  });

  it('falls back to UTF-8 for an unknown label', () => {
    const bytes = new TextEncoder().encode('<meta charset="no-such-charset"><p>Ереван</p>');
    expect(decodeBytes(bytes)).toMatchObject({ charset: 'utf-8', isHtml: true });
  });
});

describe('telling HTML from plain text', () => {
  it('sniffs markup near the start', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>', undefined)).toBe(true);
    expect(looksLikeHtml('  <div class="x">text</div>', undefined)).toBe(true);
    expect(looksLikeHtml('Troops withdrew <5 km from the line.', undefined)).toBe(false);
  });

  it('believes the caller’s content type', () => {
    expect(looksLikeHtml('<p>looks like markup</p>', 'text/plain')).toBe(false);
    expect(looksLikeHtml('no markup', 'text/html')).toBe(true);
  });
});
