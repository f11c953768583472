import { invalid } from '../platform/errors.js';

/**
 * Removes metadata that can locate or identify a reporter from a photo before it is stored:
 * JPEG APPn segments (EXIF, XMP — GPS lives here — IPTC, MPF), comments, and everything after the
 * first image; PNG eXIf and text chunks. The image data itself is copied untouched. Anything else
 * is refused.
 */
export type PhotoType = 'image/jpeg' | 'image/png';

export function stripPhotoMetadata(
  bytes: Uint8Array,
  declared: string,
  field = 'photos',
): { type: PhotoType; bytes: Uint8Array } {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { type: 'image/jpeg', bytes: stripJpeg(bytes, field) };
  if (PNG_MAGIC.every((b, i) => bytes[i] === b)) return { type: 'image/png', bytes: stripPng(bytes, field) };
  throw invalid(field, `must be a JPEG or PNG image (got ${declared.slice(0, 40)})`);
}

/**
 * The JPEG is rebuilt from the first image only: its segments up to the end-of-image marker, with
 * APPn segments other than JFIF (APP0), an ICC colour profile (APP2 `ICC_PROFILE`) and Adobe
 * (APP14) dropped, and comments (COM) dropped. Whatever follows the first EOI — a second image
 * of an MPF or motion photo with its own EXIF and GPS, trailing bytes — is not kept.
 */
function stripJpeg(bytes: Uint8Array, field: string): Uint8Array {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 2 <= bytes.length) {
    if (bytes[at] !== 0xff) throw invalid(field, 'is not a well-formed JPEG');
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      kept.push(bytes.subarray(at, at + 2));
      return concat(kept);
    }
    if (at + 4 > bytes.length) break;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > bytes.length) throw invalid(field, 'is not a well-formed JPEG');
    const end = marker === 0xda ? scanEnd(bytes, at + 2 + length) : at + 2 + length;
    if (isKeptSegment(marker, bytes.subarray(at + 4, at + 2 + length))) kept.push(bytes.subarray(at, end));
    at = end;
  }
  throw invalid(field, 'is a JPEG without an end of image');
}

/** Where the entropy-coded data after a start-of-scan ends: at the first marker that is not a
 * stuffed byte (FF00) or a restart (FFD0–FFD7). */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i += 1) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1] ?? 0;
    if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) return i;
  }
  return bytes.length;
}

const ICC = [...'ICC_PROFILE'].map((ch) => ch.charCodeAt(0));

function isKeptSegment(marker: number, body: Uint8Array): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker < 0xe0 || marker > 0xef) return true; // not APPn: tables, frame, scan
  if (marker === 0xe0 || marker === 0xee) return true; // JFIF, Adobe
  return marker === 0xe2 && ICC.every((b, i) => body[i] === b);
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const DROPPED_PNG = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function stripPng(bytes: Uint8Array, field: string): Uint8Array {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length =
      (((bytes[at] ?? 0) << 24) |
        ((bytes[at + 1] ?? 0) << 16) |
        ((bytes[at + 2] ?? 0) << 8) |
        (bytes[at + 3] ?? 0)) >>>
      0;
    const end = at + 12 + length;
    if (end > bytes.length) throw invalid(field, 'is not a well-formed PNG');
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!DROPPED_PNG.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(kept);
  }
  throw invalid(field, 'is a PNG without an end');
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
