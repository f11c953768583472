import { z } from 'zod';
import { invalid } from '../platform/errors.js';

/**
 * Keyset paging: a page ends at a row, and the next page starts after it, by the order's key and
 * the row's id, so reading page 20,000 costs what reading page 2 does (no `OFFSET` walking every
 * row before it). A cursor is opaque to clients (base64url of its JSON) and names the order it
 * was made for, so a cursor of one order cannot continue another.
 */
const Cursor = z.object({
  /** The order the cursor belongs to, e.g. `date:desc`. */
  order: z.string().min(1).max(40),
  /** Which run of the order the row is in, for orders read in runs (dated rows, then undated). */
  run: z.number().int().min(0).max(9).default(0),
  key: z.union([z.string().max(100), z.number(), z.null()]),
  id: z.number().int().min(1),
  /** The row's position in the order (1 for the first), so a page can say where it is. */
  at: z.number().int().min(1).optional(),
});
export type KeysetCursor = z.infer<typeof Cursor>;

export const encodeCursor = (cursor: KeysetCursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

/**
 * Reads a cursor given as `field`, refusing text that is not a cursor, or one made for another
 * order, with an error naming the field.
 *
 * @example decodeCursor(encodeCursor(c), 'after', c.order) // c
 */
export function decodeCursor(text: string, field: string, order: string): KeysetCursor {
  const refused = () => invalid(field, 'is not a cursor this list gave; start from the first page');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const parsed = Cursor.safeParse(value);
  if (!parsed.success) throw refused();
  if (parsed.data.order !== order)
    throw invalid(field, `was made for the order ${parsed.data.order}, not ${order}; start again`);
  return parsed.data;
}
