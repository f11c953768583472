import { describe, expect, it } from 'vitest';
import { byteRange } from './byte-range.js';

describe('a Range header read against a file', () => {
  it.each([
    ['bytes=0-126', { kind: 'part', start: 0, end: 126 }],
    ['bytes=990-', { kind: 'part', start: 990, end: 999 }],
    ['bytes=-10', { kind: 'part', start: 990, end: 999 }],
    ['bytes=-5000', { kind: 'part', start: 0, end: 999 }],
    ['bytes=500-5000', { kind: 'part', start: 500, end: 999 }],
    ['bytes=999-999', { kind: 'part', start: 999, end: 999 }],
  ])('serves one part for %s of 1000 bytes', (header, expected) => {
    expect(byteRange(header, 1000)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=1000-1001', 'bytes=-0'])('finds nothing to send for %s', (header) => {
    expect(byteRange(header, 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each([undefined, '', 'bytes=-', 'bytes=5-2', 'bytes=0-1,5-9', 'items=0-1', 'bytes=a-b'])(
    'sends the whole file for a header it does not take (%s)',
    (header) => {
      expect(byteRange(header, 1000)).toEqual({ kind: 'whole' });
    },
  );

  it('has nothing to give from an empty file', () => {
    expect(byteRange('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
