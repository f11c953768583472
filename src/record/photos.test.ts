import { describe, expect, it } from 'vitest';
import { stripPhotoMetadata } from './photos.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

/** A segment: marker, two-byte length (including itself), body. */
const segment = (marker: number, body: number[] | string) => {
  const data = typeof body === 'string' ? [...Buffer.from(body, 'latin1')] : body;
  const length = data.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...data];
};

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const exif = (place: string) => segment(0xe1, `Exif\0\0GPSLatitude ${place}`);
const frame = segment(0xc0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0]);
const table = segment(0xdb, [0, ...new Array<number>(64).fill(1)]);
const scanHeader = segment(0xda, [1, 1, 0, 0, 63, 0]);
// Entropy-coded data with a stuffed 0xFF00 and a restart marker, as real scans have.
const scanData = [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78];

/** A first image with EXIF GPS and a comment, then a second image (as MPF and motion photos carry) and trailing bytes. */
function twoImageJpeg(): Uint8Array {
  const first = [
    ...SOI,
    ...segment(0xe0, 'JFIF\0\u0001\u0002'),
    ...exif('40.1 N first'),
    ...segment(0xfe, 'reporter phone model and name'),
    ...segment(0xe2, 'MPF\0index of the second image'),
    ...table,
    ...frame,
    ...scanHeader,
    ...scanData,
    ...EOI,
  ];
  const second = [
    ...SOI,
    ...exif('39.9 N second'),
    ...segment(0xfe, 'second comment'),
    ...table,
    ...frame,
    ...scanHeader,
    ...scanData,
    ...EOI,
  ];
  return bytes(first, second, 'TRAILING motion video bytes');
}

const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('photo metadata', () => {
  it('rebuilds a JPEG from its first image only: no EXIF or GPS, no comments, nothing after its end', () => {
    const { type, bytes: out } = stripPhotoMetadata(twoImageJpeg(), 'image/jpeg');
    expect(type).toBe('image/jpeg');
    for (const leak of ['Exif', 'GPS', 'reporter phone', 'second comment', 'MPF', 'TRAILING'])
      expect(text(out), leak).not.toContain(leak);
    expect(Array.from(out)).toEqual([
      ...SOI,
      ...segment(0xe0, 'JFIF\0\u0001\u0002'),
      ...table,
      ...frame,
      ...scanHeader,
      ...scanData,
      ...EOI,
    ]);
  });

  it('keeps a progressive JPEG whole: tables between scans, every scan, up to the end of the image', () => {
    const huffman = segment(0xc4, [0, ...new Array<number>(16).fill(0)]);
    const input = bytes(SOI, table, frame, scanHeader, scanData, huffman, scanHeader, scanData, EOI);
    expect(Array.from(stripPhotoMetadata(input, 'image/jpeg').bytes)).toEqual(Array.from(input));
  });

  it('refuses a JPEG cut before its end of image', () => {
    expect(() =>
      stripPhotoMetadata(bytes(SOI, table, frame, scanHeader, scanData), 'image/jpeg', 'photos.0'),
    ).toThrow(/photos\.0/);
  });
});
