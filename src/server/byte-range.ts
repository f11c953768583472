/**
 * What a `Range` header asks of a file of `size` bytes (RFC 9110 §14): one byte range, the whole
 * file, or nothing it could have. Only single ranges are served; a header this server does not
 * take (several ranges, another unit, a malformed one) is ignored and the whole file is sent, as
 * the RFC allows.
 *
 * @example byteRange('bytes=0-126', 1000) // { kind: 'part', start: 0, end: 126 }
 * @example byteRange('bytes=-10', 1000) // { kind: 'part', start: 990, end: 999 }
 * @example byteRange('bytes=2000-', 1000) // { kind: 'unsatisfiable' }
 */
export type ByteRange =
  | { readonly kind: 'whole' }
  | { readonly kind: 'part'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = SINGLE.exec((header ?? '').trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '') return last === '' ? { kind: 'whole' } : suffix(Number(last), size);
  const start = Number(first);
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: Math.min(end, size - 1) };
}

/** `bytes=-N`: the last N bytes. */
function suffix(length: number, size: number): ByteRange {
  if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
  return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
}
