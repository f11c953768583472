/**
 * The text of a feed's bytes, in the encoding the feed says it has (RFC 7303 order): a
 * byte-order mark first, then the HTTP `charset`, then the XML declaration, then UTF-8. Any
 * WHATWG encoding is read (windows-1252, ISO-8859-x, EUC-KR, Shift_JIS, GB18030, KOI8-R,
 * UTF-16…) and UTF-32; a feed whose bytes are not what it declares is an error, never text full
 * of U+FFFD.
 */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: string };

const MAX_DECLARATION_BYTES = 1024;

/**
 * @example decodeFeed(bytes, 'application/rss+xml; charset=windows-1252') // { ok: true, text: '…', encoding: 'windows-1252' }
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): Decoded {
  const bom = byBom(bytes);
  if (bom) return decode(bytes.subarray(bom.skip), bom.encoding, 'its byte-order mark');
  const declared = xmlDeclaration(bytes);
  const header = charsetOf(contentType);
  if (header) {
    const byHeader = decode(bytes, header, 'the HTTP charset');
    // A server's default charset is often wrong where the document's own declaration is right.
    if (byHeader.ok || !declared || declared === header) return byHeader;
    const byDeclaration = decode(bytes, declared, 'its XML declaration');
    return byDeclaration.ok ? byDeclaration : byHeader;
  }
  const wide = byFirstBytes(bytes);
  if (wide) return decode(bytes, wide, 'its first bytes');
  if (declared) return decode(bytes, declared, 'its XML declaration');
  const utf8 = decode(bytes, 'utf-8', 'default');
  // Undeclared and not UTF-8: the commonest legacy encoding of the web, as browsers read it.
  return utf8.ok ? utf8 : decode(bytes, 'windows-1252', 'default');
}

function byBom(b: Uint8Array): { encoding: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** `<?` (or `<` and a letter) in UTF-16 or UTF-32 without a byte-order mark (XML 1.0, appendix F). */
function byFirstBytes(b: Uint8Array): string | null {
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0 && b[2] !== 0) return 'utf-16le';
  if (b[0] === 0 && b[1] === 0x3c) return 'utf-16be';
  return null;
}

/** @example charsetOf('text/xml; charset="ISO-8859-1"') // 'iso-8859-1' */
export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function xmlDeclaration(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, MAX_DECLARATION_BYTES));
  const match = /^\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function decode(bytes: Uint8Array, label: string, from: string): Decoded {
  const encoding = label.toLowerCase();
  if (encoding === 'utf-32' || encoding === 'utf-32le' || encoding === 'utf-32be')
    return utf32(bytes, encoding !== 'utf-32be' ? (encoding === 'utf-32' ? 'be' : 'le') : 'be', from);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return { ok: false, reason: `unknown encoding "${label}" (from ${from})` };
  }
  try {
    const text = decoder.decode(bytes);
    return {
      ok: true,
      text: decoder.encoding === 'windows-1252' ? windows1252Marks(text) : text,
      encoding: decoder.encoding,
    };
  } catch {
    return { ok: false, reason: `bytes that are not ${decoder.encoding} (declared by ${from})` };
  }
}

function utf32(bytes: Uint8Array, order: 'le' | 'be', from: string): Decoded {
  if (bytes.byteLength % 4 !== 0)
    return { ok: false, reason: `bytes that are not UTF-32 (declared by ${from})` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.byteLength; i += 4) {
    const code = view.getUint32(i, order === 'le');
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return { ok: false, reason: `bytes that are not UTF-32 (declared by ${from})` };
    parts.push(String.fromCodePoint(code));
  }
  return { ok: true, text: parts.join(''), encoding: `utf-32${order}` };
}

/** Windows-1252's characters at 0x80–0x9F (WHATWG); undefined positions stay as they are. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Some Node versions decode windows-1252 (and so ISO-8859-1, which WHATWG reads as it) as plain
 * Latin-1, leaving C1 controls where the text had ’ “ ” — €; put the marks back.
 */
function windows1252Marks(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
