/**
 * Extraction throughput: generates plain-text articles of about 5 KB, runs them through the
 * `truce extract --format jsonl` code path in one process, and prints articles/s, MB/s, p50/p95
 * ms per article and peak RSS for three rounds, then their medians (articles per CPU-second is the
 * figure to compare on a shared machine). Then runs the built CLI once over the same files, start-up included.
 *
 *   npm run bench:extract            (ARTICLES=500 to change the count)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtract } from '../src/cli/commands/extract.js';
import { defaultGazetteer } from '../src/gazetteer/load.js';
import { random } from '../src/record/test-support/random.js';

const COUNT = Number(process.env.ARTICLES ?? 240);
const TARGET_BYTES = 5 * 1024;

const PLACES = [
  'Stepanakert',
  'Shusha',
  'Martakert',
  'Aghdam',
  'the Lachin corridor',
  'Marinka',
  'Avdiivka',
  'Tskhinvali',
  'Goris',
  'Tartar',
];
const PEOPLE = [
  'Nikol Pashinyan',
  'Ilham Aliyev',
  'Hikmet Hajiyev',
  'Shushan Stepanyan',
  'Anna Kovalenko',
  'Davit Mirzoyan',
];
const DAYS = [
  'on Monday',
  'yesterday afternoon',
  'late on Sunday',
  'last week',
  'in mid-October',
  'overnight',
];
const COUNTS = ['two', 'at least three', 'more than 40', 'dozens of', 'about 1,200', 'between 10 and 15'];

function paragraph(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const templates = [
    () =>
      `Artillery shells landed in ${pick(PLACES)} ${pick(DAYS)}, killing ${pick(COUNTS)} civilians and wounding several others, officials said.`,
    () =>
      `"We will not give up a single village," ${pick(PEOPLE)} said in a statement, adding that the ceasefire must hold.`,
    () =>
      `${pick(PEOPLE)} said that monitors had recorded ${pick(COUNTS)} ceasefire violations near ${pick(PLACES)} ${pick(DAYS)}.`,
    () =>
      `Russian peacekeepers arrived in ${pick(PLACES)} with ${pick(COUNTS)} armored vehicles, the defence ministry said.`,
    () =>
      `Residents of ${pick(PLACES)} took to the streets ${pick(DAYS)}, demanding the return of ${pick(COUNTS)} detained men.`,
    () =>
      `The two sides fought a war in the early 1990s, and talks brokered by the OSCE Minsk Group stalled for years.`,
  ];
  return Array.from({ length: 3 }, () => pick(templates)()).join(' ');
}

function article(seed: number): string {
  const next = random(seed);
  const parts = [`Truce tested near ${PLACES[seed % PLACES.length]}`];
  while (parts.join('\n\n').length < TARGET_BYTES) parts.push(paragraph(next));
  return `${parts.join('\n\n')}\n`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Round {
  readonly perSecond: number;
  readonly perCpuSecond: number;
  readonly p50: number;
  readonly p95: number;
}

async function inProcess(files: readonly string[], bytes: number, round: number): Promise<Round> {
  const started: number[] = [];
  const lap: number[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const failed = await runExtract(
    files,
    { published: '2020-11-10', format: 'jsonl' },
    {
      readFile: async (path) => {
        started.push(performance.now());
        return new Uint8Array(readFileSync(path));
      },
      readStdin: async () => new Uint8Array(),
      out: () => lap.push(performance.now() - (started[lap.length] ?? 0)),
      err: (chunk) => process.stderr.write(chunk),
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const sorted = [...lap].sort((a, b) => a - b);
  console.log(
    `round ${round}, in process: ${files.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${failed} failed`,
  );
  console.log(
    `  articles/s ${(files.length / seconds).toFixed(0)}  MB/s ${(bytes / 1e6 / seconds).toFixed(2)}`,
  );
  console.log(
    `  CPU ${cpuSeconds.toFixed(2)} s: ${(files.length / cpuSeconds).toFixed(0)} articles per CPU-second`,
  );
  console.log(
    `  ms/article p50 ${percentile(sorted, 50).toFixed(2)}  p95 ${percentile(sorted, 95).toFixed(2)}`,
  );
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  return {
    perSecond: files.length / seconds,
    perCpuSecond: files.length / cpuSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
  };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The rounds' medians: on a shared machine articles per CPU-second is the figure to compare. */
function summary(rounds: readonly Round[]): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const of = (pick: (r: Round) => number) => median(rounds.map(pick));
  console.log(
    `median of ${rounds.length} rounds: articles/s ${of((r) => r.perSecond).toFixed(0)}, ` +
      `per CPU-second ${of((r) => r.perCpuSecond).toFixed(0)}, ` +
      `ms/article p50 ${of((r) => r.p50).toFixed(2)} p95 ${of((r) => r.p95).toFixed(2)}, ` +
      `heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB${gc ? ' after a full collection' : ''}, ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}

function builtCli(files: readonly string[]): void {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['dist/cli/main.js', 'extract', ...files, '--published', '2020-11-10', '--format', 'jsonl'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const lines = r.stdout.split('\n').filter(Boolean).length;
  console.log(
    `built CLI, one process, start-up included: ${lines} lines, exit ${r.status}, ${(files.length / seconds).toFixed(0)} articles/s`,
  );
}

/**
 * The gazetteer's load, measured first and alone: the world base (countries, divisions, every
 * country's towns from the built index, dist/gazetteer/world-towns.txt when present) and the
 * packs. Heap after a full collection when `--expose-gc` is on (npm run bench:extract sets it).
 */
function measureGazetteerLoad(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const g = defaultGazetteer();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  gc?.();
  const heap = (process.memoryUsage().heapUsed - heap0) / 1e6;
  console.log(
    `gazetteer load: ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), ` +
      `heap +${heap.toFixed(1)} MB${gc ? '' : ' (no --expose-gc: not collected)'}, ${g.towns.size} towns`,
  );
}

measureGazetteerLoad();
const dir = join(tmpdir(), 'truce-bench-extract');
mkdirSync(dir, { recursive: true });
const files = Array.from({ length: COUNT }, (_, i) => {
  const file = join(dir, `article-${String(i).padStart(4, '0')}.txt`);
  writeFileSync(file, article(i + 1));
  return file;
});
const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
// Warm-up: load the modules and let the JIT compile the hot paths before measuring.
await runExtract(
  files.slice(0, 20),
  { published: '2020-11-10', format: 'jsonl' },
  {
    readFile: async (path) => new Uint8Array(readFileSync(path)),
    readStdin: async () => new Uint8Array(),
    out: () => undefined,
    err: () => undefined,
  },
);
// The machine may be shared: three measured rounds show the spread; the best is the capacity.
const rounds: Round[] = [];
for (let round = 1; round <= 3; round++) rounds.push(await inProcess(files, bytes, round));
summary(rounds);
builtCli(files);
