import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './keyset.js';

describe('keyset cursors', () => {
  it('reads back the cursor it wrote, for the same order only, naming the field when refused', () => {
    const cursor = { order: 'date:desc', run: 0, key: '2020-11-03', id: 12, at: 50 };
    expect(decodeCursor(encodeCursor(cursor), 'cursor', 'date:desc')).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), 'after', 'date:asc')).toThrow(
      /after: was made for the order date:desc, not date:asc/,
    );
    expect(() => decodeCursor('not a cursor', 'cursor', 'date:desc')).toThrow(/cursor: is not a cursor/);
    const forged = Buffer.from(JSON.stringify({ order: 'date:desc', key: {}, id: -1 })).toString('base64url');
    expect(() => decodeCursor(forged, 'before', 'date:desc')).toThrow(/before: is not a cursor/);
  });
});
