import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecord } from './csv-records.js';

async function records(text: string, chunk: number): Promise<CsvRecord[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(Readable.from(chunks))) out.push(r);
  return out;
}

const FILE = [
  '\ufeffid,note,n',
  '1,"plain, with a comma",3',
  '2,"two',
  'lines with ""quotes"" and ü",4',
  '',
  '3,short',
  '4,"left open,5',
  '5,after the open quote,6',
  '6,"closed"then text,7',
  '7,last,8',
].join('\r\n');

describe('csvRecords', () => {
  // Chunks of 1 and 3 bytes split quotes, line ends and a two-byte letter between reads.
  it.each([1, 3, 4096])('reads records and names bad ones by line, in chunks of %i bytes', async (size) => {
    expect(await records(FILE, size)).toEqual([
      { fields: ['id', 'note', 'n'], line: 1 },
      { fields: ['1', 'plain, with a comma', '3'], line: 2 },
      { fields: ['2', 'two\r\nlines with "quotes" and ü', '4'], line: 3 },
      { fields: ['3', 'short'], line: 6 },
      { error: 'has text after a closing quote (column 2)', line: 7 },
      { fields: ['5', 'after the open quote', '6'], line: 8 },
      { error: 'has text after a closing quote (column 2)', line: 9 },
      { fields: ['7', 'last', '8'], line: 10 },
    ]);
  });

  it('names a quote left open to the end of the file and keeps the records before it', async () => {
    expect(await records('a,b\n1,2\n3,"never closed\n4,5\n', 8)).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { error: 'has a quote that does not close', line: 3 },
      { fields: ['4', '5'], line: 4 },
    ]);
  });

  it('takes a quote that closes on a later line with the wrong cell count as left open', async () => {
    expect(await records('a,b,c\n1,"open\n2,",3,4\n5,6,7\n', 5)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { error: 'has a quote that does not close', line: 2 },
      // Read again from its own line, this one opens a quote that runs to the end of the file.
      { error: 'has a quote that does not close', line: 3 },
      { fields: ['5', '6', '7'], line: 4 },
    ]);
  });
});
