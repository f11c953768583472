/**
 * A tolerant RFC 4180 reader for files as people have them: a record whose quotes do not close
 * (or close in the middle of a field) is named by its line and skipped, and reading goes on from
 * the next line, so one bad record never stops a file. The first record (the header) sets how
 * many fields a record spread over several lines must have to be taken as one. Memory holds one record and one chunk.
 */

export type CsvRecord =
  | { readonly fields: readonly string[]; readonly line: number }
  | { readonly error: string; readonly line: number };

/** A quoted field longer than this is an unclosed quote, not a field. */
const MAX_RECORD_CHARS = 200_000;

type Step =
  | { readonly kind: 'record'; readonly fields: string[]; readonly next: number; readonly lines: number }
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'more' };

/**
 * The records of a CSV text stream, each with the line it starts on; a byte-order mark is
 * dropped and blank lines are skipped.
 *
 * @example for await (const r of csvRecords(createReadStream('a.csv', 'utf8'))) console.log(r.line)
 */
export async function* csvRecords(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  let expected = -1;
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let line = 1;
  let first = true;
  let final = false;
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    if (!final) {
      const next = await iterator.next();
      if (next.done) {
        final = true;
        buffer += decoder.decode();
      } else
        buffer += typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
      if (first && buffer.length > 0) {
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
        first = false;
      }
    }
    let pos = 0;
    for (;;) {
      pos = skipBlankLines(buffer, pos, (n) => (line += n));
      if (pos >= buffer.length) break;
      const step = readRecord(buffer, pos, final);
      if (step.kind === 'more') break;
      if (
        step.kind === 'record' &&
        (step.lines === 1 || expected === -1 || step.fields.length === expected)
      ) {
        if (expected === -1) expected = step.fields.length;
        yield { fields: step.fields, line };
        line += step.lines;
        pos = step.next;
        continue;
      }
      const end = buffer.indexOf('\n', pos);
      if (end === -1 && !final) break;
      // A record over several lines with the wrong field count is a quote that opened and never
      // closed where it should: name its first line and read on from the next.
      yield { error: step.kind === 'error' ? step.error : 'has a quote that does not close', line };
      pos = end === -1 ? buffer.length : end + 1;
      line += 1;
    }
    buffer = buffer.slice(pos);
    if (final && buffer.length === 0) return;
    if (final && pos === 0) return;
  }
}

function skipBlankLines(buffer: string, pos: number, counted: (n: number) => void): number {
  let p = pos;
  for (;;) {
    if (buffer.startsWith('\r\n', p)) p += 2;
    else if (buffer[p] === '\n') p += 1;
    else return p;
    counted(1);
  }
}

/** One record from `pos`: its fields, where the next one starts and how many line breaks it held. */
function readRecord(buffer: string, pos: number, final: boolean): Step {
  const fields: string[] = [];
  let p = pos;
  let lines = 0;
  for (;;) {
    if (p - pos > MAX_RECORD_CHARS) return { kind: 'error', error: 'has a quote that does not close' };
    let value: string;
    if (buffer[p] === '"') {
      const quoted = readQuoted(buffer, p + 1, pos, final);
      if (quoted.kind !== 'field')
        return final || quoted.kind === 'error' ? errorOf(quoted) : { kind: 'more' };
      value = quoted.value;
      lines += quoted.lines;
      p = quoted.next;
    } else {
      let end = p;
      while (end < buffer.length && buffer[end] !== ',' && buffer[end] !== '\n' && buffer[end] !== '\r')
        end++;
      value = buffer.slice(p, end);
      p = end;
    }
    fields.push(value);
    if (p >= buffer.length)
      return final ? { kind: 'record', fields, next: p, lines: 1 + lines } : { kind: 'more' };
    const c = buffer[p];
    if (c === ',') {
      p += 1;
      continue;
    }
    if (c === '\r' && p + 1 >= buffer.length && !final) return { kind: 'more' };
    const next = buffer.startsWith('\r\n', p) ? p + 2 : p + 1;
    if (c === '\n' || c === '\r') return { kind: 'record', fields, next, lines: 1 + lines };
    return { kind: 'error', error: `has text after a closing quote (column ${fields.length})` };
  }
}

type Quoted =
  | { readonly kind: 'field'; readonly value: string; readonly next: number; readonly lines: number }
  | { readonly kind: 'open' }
  | { readonly kind: 'error'; readonly error: string };

function readQuoted(buffer: string, start: number, recordStart: number, final: boolean): Quoted {
  let out = '';
  let p = start;
  let lines = 0;
  for (;;) {
    if (p - recordStart > MAX_RECORD_CHARS)
      return { kind: 'error', error: 'has a quote that does not close' };
    const q = buffer.indexOf('"', p);
    if (q === -1)
      return buffer.length - recordStart > MAX_RECORD_CHARS
        ? { kind: 'error', error: 'has a quote that does not close' }
        : { kind: 'open' };
    out += buffer.slice(p, q);
    if (buffer[q + 1] === '"') {
      out += '"';
      p = q + 2;
      continue;
    }
    if (q + 1 >= buffer.length && !final) return { kind: 'open' };
    lines += countBreaks(out);
    return { kind: 'field', value: out, next: q + 1, lines };
  }
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const errorOf = (q: Quoted): Step => ({
  kind: 'error',
  error: q.kind === 'error' ? q.error : 'has a quote that does not close',
});
