import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractionJsonSchema } from '../../extract/json-schema.js';
import { Extraction } from '../../extract/schema.js';
import { runExtract, type ExtractIo } from './extract.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const fixture = (name: string) => `${root}src/extract/fixtures/${name}`;
const truce = (args: readonly string[], input?: string) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, cwd: root, maxBuffer: 64 << 20 });

function memoryIo(files: Record<string, string>): ExtractIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    readStdin: async () => new TextEncoder().encode(files['-'] ?? ''),
    out: (chunk) => stdout.push(chunk),
    err: (chunk) => stderr.push(chunk),
  };
}

describe('runExtract', () => {
  it('prints one line per document in order and reports unreadable files without stopping', async () => {
    const io = memoryIo({
      'a.txt': 'Shusha was quiet on Monday, residents said.',
      '-': 'Troops arrived in Lachin.',
    });
    const failed = await runExtract(
      ['a.txt', 'missing.txt', '-'],
      { published: '2020-11-10', format: 'jsonl' },
      io,
    );
    expect(failed).toBe(1);
    expect(io.stdout).toHaveLength(2);
    expect(io.stdout.map((l) => Extraction.parse(JSON.parse(l)).document.text)).toEqual([
      'Shusha was quiet on Monday, residents said.',
      'Troops arrived in Lachin.',
    ]);
    expect(io.stderr.join('')).toContain('missing.txt: no such file');
  });

  it('prints one object for one file with --format json and an array for several', async () => {
    const one = memoryIo({ 'a.txt': 'Calm night.' });
    await runExtract(['a.txt'], { published: null, format: 'json' }, one);
    expect(Array.isArray(JSON.parse(one.stdout.join('')))).toBe(false);
    const two = memoryIo({ 'a.txt': 'Calm night.', 'b.txt': 'Calm day.' });
    await runExtract(['a.txt', 'b.txt'], { published: null, format: 'json' }, two);
    expect(JSON.parse(two.stdout.join(''))).toHaveLength(2);
  });
});

describe('runExtract --verbose', () => {
  it('prints each place resolution on stderr and leaves stdout the same', async () => {
    const text = 'Talks in Paris, Texas were postponed.';
    const quiet = memoryIo({ 'a.txt': text });
    const loud = memoryIo({ 'a.txt': text });
    await runExtract(['a.txt'], { published: null, format: 'jsonl' }, quiet);
    await runExtract(['a.txt'], { published: null, format: 'jsonl', verbose: true }, loud);
    expect(loud.stdout).toEqual(quiet.stdout);
    expect(quiet.stderr).toEqual([]);
    const report = loud.stderr.join('');
    expect(report).toMatch(/^a\.txt: 2 places\n/);
    expect(report).toMatch(
      /"Paris" \(1×\) → Paris, Texas, US .*confidence \d\.\d\d: written with the place it lies in \(Texas\)/,
    );
  });
});

describe('the shipped JSON Schema', () => {
  it('is the schema derived from the zod contract', () => {
    const shipped: unknown = JSON.parse(readFileSync(`${root}schemas/extraction.schema.json`, 'utf8'));
    expect(shipped).toEqual(extractionJsonSchema());
  });
});

describe.runIf(existsSync(cli))('truce extract (built CLI)', () => {
  it('prints output that satisfies the contract schema', () => {
    const r = truce([
      'extract',
      fixture('shelling-mardakert.txt'),
      '--published',
      '2020-10-16',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const out = Extraction.parse(JSON.parse(r.stdout));
    expect(out.events.length).toBeGreaterThan(0);
  });

  it('runs many files and stdin in one process, in order, as JSON lines', () => {
    const args = [
      'extract',
      fixture('protest-yerevan.txt'),
      '-',
      fixture('monitors-marinka.txt'),
      '--format',
      'jsonl',
    ];
    const r = truce(args, 'Peacekeepers arrived in Stepanakert on Tuesday.');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => Extraction.parse(JSON.parse(l)));
    expect(lines.map((l) => l.document.text.slice(0, 12))).toEqual([
      'Thousands ra',
      'Peacekeepers',
      'Monitors den',
    ]);
  });

  it('names a file it cannot read, exits non-zero and still extracts the others', () => {
    const r = truce([
      'extract',
      `${root}no-such-article.txt`,
      fixture('protest-yerevan.txt'),
      '--format',
      'jsonl',
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('no-such-article.txt: no such file');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a malformed --published date, naming the option', () => {
    const r = truce(['extract', fixture('protest-yerevan.txt'), '--published', '10/11/2020']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--published');
  });
});
