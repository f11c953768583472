/**
 * Bytes to a string: find the declared charset (BOM, Content-Type, `<meta charset>`,
 * `<meta http-equiv>`), decode with TextDecoder, fall back to UTF-8. Never throws.
 */

export interface Decoded {
  readonly text: string;
  readonly charset: string;
  readonly isHtml: boolean;
}

/** How many leading bytes the charset pre-scan and the HTML sniff look at. */
const SNIFF_BYTES = 4096;

const BOMS: readonly { readonly bytes: readonly number[]; readonly charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

function charsetFromBom(bytes: Uint8Array): string | null {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, at) => bytes[at] === byte));
  return bom ? bom.charset : null;
}

/** `text/html; charset="windows-1251"` → `windows-1251`. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]{1,40})/i.exec((contentType ?? '').slice(0, 300));
  return match?.[1] ? match[1].toLowerCase() : null;
}

function charsetFromMeta(head: string): string | null {
  const direct = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head);
  return direct?.[1] ? direct[1].toLowerCase() : null;
}

/** The label TextDecoder accepts, or null when it knows no such charset. */
function supported(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

const HTML_SNIFF =
  /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|span|br|table|a\s|script|h[1-6])[\s>/]/i;

/** Whether the start of a document looks like HTML (or the caller said so). */
export function looksLikeHtml(start: string, contentType: string | undefined): boolean {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('html') || type.includes('xml')) return true;
  if (type.startsWith('text/plain')) return false;
  return HTML_SNIFF.test(start);
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
}

/** Decode bytes to text using the first charset declaration that TextDecoder supports. */
export function decodeBytes(bytes: Uint8Array, contentType?: string): Decoded {
  const head = latin1(bytes);
  const isHtml = looksLikeHtml(head, contentType);
  const declared =
    supported(charsetFromBom(bytes)) ??
    supported(charsetFromContentType(contentType)) ??
    (isHtml ? supported(charsetFromMeta(head)) : null);
  const charset = declared ?? 'utf-8';
  const text = new TextDecoder(charset, { fatal: false, ignoreBOM: false }).decode(bytes);
  return { text, charset, isHtml };
}
