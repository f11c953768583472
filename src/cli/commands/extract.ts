import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';

export type ExtractFormat = 'json' | 'jsonl';

export interface ExtractRunOptions {
  readonly published: string | null;
  readonly format: ExtractFormat;
  /** Also print, on standard error, each place resolution with its confidence and reason. */
  readonly verbose?: boolean;
}

/** Where `runExtract` reads and writes; the CLI passes the process, the bench and tests their own. */
export interface ExtractIo {
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly readStdin: () => Promise<Uint8Array>;
  readonly out: (chunk: string) => void;
  readonly err: (chunk: string) => void;
}

/**
 * `truce extract FILE... [--published YYYY-MM-DD] [--format json|jsonl]`: one extraction per
 * file, in order. `-` reads standard input. A file that cannot be read is reported on stderr
 * and makes the exit code non-zero; the other files still run.
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('turn articles (HTML or plain text) into sourced, structured facts')
    .argument('<files...>', 'article files; - for standard input')
    .option('--published <date>', 'publication date, YYYY-MM-DD (else the page metadata)')
    .option('--format <format>', 'json (one object per file) or jsonl (one line per file)', 'json')
    .option('--verbose', 'also print each place resolution (confidence, reason) on standard error')
    .action(async (files: string[], opts: { published?: string; format: string; verbose?: boolean }) => {
      const options = parseOptions(opts);
      const failed = await runExtract(files, options, processIo());
      if (failed > 0) process.exitCode = 1;
    });
}

function parseOptions(opts: { published?: string; format: string; verbose?: boolean }): ExtractRunOptions {
  if (opts.format !== 'json' && opts.format !== 'jsonl') throw invalid('--format', 'must be json or jsonl');
  const published = opts.published ?? null;
  if (published !== null && !isIsoDay(published))
    throw invalid('--published', 'must be a date as YYYY-MM-DD');
  return { published, format: opts.format, verbose: opts.verbose === true };
}

function isIsoDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

function processIo(): ExtractIo {
  return {
    readFile: async (path) => new Uint8Array(await readFile(path)),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return new Uint8Array(Buffer.concat(chunks));
    },
    out: (chunk) => process.stdout.write(chunk),
    err: (chunk) => process.stderr.write(chunk),
  };
}

/**
 * Extracts every file in order and prints the results; returns how many files failed.
 *
 * @example await runExtract(['a.txt', 'b.html'], { published: null, format: 'jsonl' }, io)
 */
export async function runExtract(
  files: readonly string[],
  options: ExtractRunOptions,
  io: ExtractIo,
): Promise<number> {
  const { extract } = await import('../../extract/extract.js');
  const { describePlaces } = await import('../../extract/places-report.js');
  let failed = 0;
  const results: string[] = [];
  for (const file of files) {
    try {
      const bytes = file === '-' ? await io.readStdin() : await io.readFile(file);
      const result = extract({ bytes, contentType: hintOf(file) }, { published: options.published });
      if (options.verbose === true) {
        const lines = describePlaces(result.document.text, result.mentions.places);
        io.err(
          `${file === '-' ? 'standard input' : file}: ${lines.length} places\n${lines.map((l) => `${l}\n`).join('')}`,
        );
      }
      const json = JSON.stringify(result);
      if (options.format === 'jsonl') io.out(`${json}\n`);
      else results.push(json);
    } catch (error) {
      failed++;
      io.err(`truce extract: ${file === '-' ? 'standard input' : file}: ${reasonOf(error)}\n`);
    }
  }
  if (options.format === 'json') io.out(`${results.length === 1 ? results[0] : `[${results.join(',')}]`}\n`);
  return failed;
}

function hintOf(file: string): string | undefined {
  if (/\.x?html?$/i.test(file)) return 'text/html';
  if (/\.txt$/i.test(file)) return 'text/plain';
  return undefined;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = String(error.code);
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory, not a file';
    if (code === 'EACCES') return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}
