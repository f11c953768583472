/**
 * Clean-stage benchmark: our cleaner and @mozilla/readability (on linkedom) over the 181 pages of
 * ../shared/bench/article-extraction, in one run. Writes both prediction files into bench/out/,
 * scores them with the benchmark's own score.mjs, and prints F1 and median/p95 ms per page.
 *
 *   node --import tsx bench/clean.bench.ts [--bench DIR] [--only ours|readability]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanDocument } from '../src/extract/clean/index.js';

interface Page {
  readonly id: string;
  readonly bytes: Uint8Array;
}

interface Run {
  readonly name: string;
  readonly predictions: Record<string, { articleBody: string }>;
  readonly ms: number[];
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const benchDir = resolve(option('--bench') ?? '../shared/bench/article-extraction');
const outDir = resolve('bench/out');

function loadPages(): Page[] {
  const htmlDir = join(benchDir, 'html');
  return readdirSync(htmlDir)
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .map((name) => ({
      id: name.replace('.html.gz', ''),
      bytes: new Uint8Array(gunzipSync(readFileSync(join(htmlDir, name)))),
    }));
}

function ours(page: Page): string {
  return cleanDocument({ bytes: page.bytes, contentType: 'text/html' }).text;
}

function readability(page: Page): string {
  const { document } = parseHTML(new TextDecoder('utf-8').decode(page.bytes));
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  return article?.textContent ?? '';
}

function runAll(name: string, pages: readonly Page[], extract: (page: Page) => string): Run {
  const predictions: Record<string, { articleBody: string }> = {};
  const ms: number[] = [];
  for (const page of pages) {
    const start = process.hrtime.bigint();
    let body = '';
    try {
      body = extract(page);
    } catch (error) {
      console.error(`${name} failed on ${page.id}: ${String(error)}`);
    }
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    predictions[page.id] = { articleBody: body };
  }
  return { name, predictions, ms };
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function score(file: string): string {
  const scorer = join(benchDir, 'score.mjs');
  const output = execFileSync('node', [scorer, '--predictions', file], { encoding: 'utf8' });
  return output.split('\n').find((line) => /F1 \d/.test(line)) ?? output.trim();
}

function report(run: Run): void {
  const file = join(outDir, `${run.name}-predictions.json`);
  writeFileSync(file, JSON.stringify(run.predictions));
  const total = run.ms.reduce((sum, value) => sum + value, 0);
  const line = score(file).replace(/^(PASS|FAIL) /, '');
  console.log(
    `${run.name.padEnd(12)} ${line} | ms/page median ${percentile(run.ms, 0.5).toFixed(2)} ` +
      `p95 ${percentile(run.ms, 0.95).toFixed(2)} total ${(total / 1000).toFixed(2)} s`,
  );
}

function main(): void {
  if (!existsSync(join(benchDir, 'html'))) {
    console.error(`benchmark pages not found under ${benchDir} (pass --bench DIR)`);
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const pages = loadPages();
  const only = option('--only');
  // Warm up both so neither pays the JIT's first-run cost inside the measurement.
  for (const page of pages.slice(0, 5)) {
    ours(page);
    readability(page);
  }
  console.log(`pages ${pages.length} from ${benchDir}`);
  if (only !== 'readability') report(runAll('ours', pages, ours));
  if (only !== 'ours') report(runAll('readability', pages, readability));
}

main();
