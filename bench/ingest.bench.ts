/**
 * The real ingest path, end to end: generated news pages (several outlets telling each event of
 * the shipped theatres' conflicts, with site furniture and boilerplate) written to a folder, then
 *
 *   1. SQLite, one process: `runIngest` over the folder — what `truce ingest <folder>` runs —
 *      in a child process of its own (so its peak RSS is the ingest's): articles/s, reports/s,
 *      p50/p95 ms per article, peak RSS, and the first 1,000 articles against the last 1,000;
 *   2. PostgreSQL (TRUCE_BENCH_POSTGRES_URL or TRUCE_TEST_POSTGRES_URL), the worker path: the
 *      folder queued (`truce ingest --queue`) and drained by 1, then 2 `truce worker --queues
 *      ingest` processes of the built CLI, each on a fresh database: articles/s and the speed-up,
 *      then a check that no article was stored twice.
 *
 *   npm run bench:ingest
 *   TRUCE_BENCH_ARTICLES=100000 TRUCE_BENCH_ROUNDS=3 npm run bench:ingest
 *   TRUCE_BENCH_PG_ARTICLES=2000 (default: the SQLite size, at most 1,000)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { defaultGazetteer } from '../src/gazetteer/load.js';
import { loadConfig, parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { openRuntime } from '../src/platform/runtime.js';
import { runIngest } from '../src/record/ingest-run-store.js';
import { enqueueIngest, pendingIngestJobs } from '../src/record/ingest-worker.js';
import { generateCorpus } from '../src/record/test-support/article-corpus.js';

const SELF = fileURLToPath(import.meta.url);
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const MAX_ARTICLES = 100_000;

interface SqliteFigures {
  readonly articles: number;
  readonly reports: number;
  readonly incidents: number;
  readonly failed: number;
  readonly seconds: number;
  /** CPU time of the ingesting process (the figure to compare on a shared machine). */
  readonly cpuSeconds: number;
  readonly startupMs: number;
  readonly ms: readonly number[];
  readonly maxRssMb: number;
}

const quantile = (xs: readonly number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The child: ingests the folder into a fresh SQLite file exactly as `truce ingest` does. */
async function sqliteChild(folder: string, dbPath: string): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(`sqlite:${dbPath}`));
  await migrateToLatest(db);
  const startup = performance.now();
  const cpuBefore = process.cpuUsage();
  defaultGazetteer();
  const startupMs = performance.now() - startup;
  const ms: number[] = [];
  let last = performance.now();
  const began = last;
  const summary = await runIngest(db, [folder], {
    published: null,
    actor: 'system:bench',
    onStored: () => {
      const now = performance.now();
      ms.push(now - last);
      last = now;
    },
  });
  const seconds = (performance.now() - began) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const incidents = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await db.destroy();
  const figures: SqliteFigures = {
    articles: summary.outcomes.length,
    reports: summary.counts.reports,
    incidents: Number(incidents.n),
    failed: summary.counts.failed,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    startupMs,
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(figures));
}

function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err}`)),
    );
  });
}

function segment(ms: readonly number[]) {
  return { perSecond: ms.length / (sum(ms) / 1000), p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

async function benchSqlite(folder: string, rounds: number, work: string): Promise<void> {
  const results: SqliteFigures[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const dbPath = join(work, `round-${round}.db`);
    const loadBefore = load();
    const out = await run(process.execPath, ['--import', 'tsx', SELF, '--sqlite-child', folder, dbPath]);
    const f = JSON.parse(out) as SqliteFigures;
    rmSync(dbPath, { force: true });
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    results.push(f);
    const edge = Math.min(1000, Math.floor(f.ms.length / 2));
    const [first, lastOnes, all] = [segment(f.ms.slice(0, edge)), segment(f.ms.slice(-edge)), segment(f.ms)];
    console.log(
      `sqlite round ${round}: ${f.articles} articles in ${f.seconds.toFixed(1)} s = ${(f.articles / f.seconds).toFixed(1)} articles/s, ${(f.reports / f.seconds).toFixed(1)} reports/s (${f.reports} reports, ${f.incidents} incidents, ${f.failed} failed); p50 ${all.p50.toFixed(2)} ms, p95 ${all.p95.toFixed(2)} ms; peak RSS ${f.maxRssMb.toFixed(0)} MB; ${(f.articles / f.cpuSeconds).toFixed(1)} articles per CPU-second; gazetteer ${f.startupMs.toFixed(0)} ms`,
    );
    console.log(
      `  first ${edge}: ${first.perSecond.toFixed(1)} articles/s, p50 ${first.p50.toFixed(2)} ms, p95 ${first.p95.toFixed(2)} ms | last ${edge}: ${lastOnes.perSecond.toFixed(1)} articles/s, p50 ${lastOnes.p50.toFixed(2)} ms, p95 ${lastOnes.p95.toFixed(2)} ms | load ${loadBefore} -> ${load()}`,
    );
  }
  if (rounds > 1) {
    const edgeOf = (f: SqliteFigures) => Math.min(1000, Math.floor(f.ms.length / 2));
    console.log(
      `sqlite median of ${rounds}: ${median(results.map((f) => f.articles / f.seconds)).toFixed(1)} articles/s, ${median(results.map((f) => f.reports / f.seconds)).toFixed(1)} reports/s, p50 ${median(results.map((f) => quantile(f.ms, 0.5))).toFixed(2)} ms, p95 ${median(results.map((f) => quantile(f.ms, 0.95))).toFixed(2)} ms, peak RSS ${median(results.map((f) => f.maxRssMb)).toFixed(0)} MB, ${median(results.map((f) => f.articles / f.cpuSeconds)).toFixed(1)} articles per CPU-second; first/last: ${median(results.map((f) => segment(f.ms.slice(0, edgeOf(f))).perSecond)).toFixed(1)} / ${median(results.map((f) => segment(f.ms.slice(-edgeOf(f))).perSecond)).toFixed(1)} articles/s`,
    );
  }
}

interface WorkerRun {
  readonly workers: number;
  readonly seconds: number;
  readonly sources: number;
  readonly incidents: number;
  readonly twice: number;
}

/** Queues the folder and lets `workers` built-CLI worker processes drain it, on a fresh database. */
async function benchWorkers(
  baseUrl: string,
  folder: string,
  workers: number,
  expected: number,
): Promise<WorkerRun> {
  const scratch = await createScratchPostgres(baseUrl, `truce_bench_ingest_${process.pid}_${workers}`);
  const config = loadConfig({ db: scratch.url, logLevel: 'warn' }, {});
  const runtime = await openRuntime(config);
  const children = Array.from({ length: workers }, () =>
    spawn(process.execPath, [CLI, '--db', scratch.url, 'worker', '--queues', 'ingest'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TRUCE_LOG_LEVEL: 'info' },
    }),
  );
  try {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve, reject) => {
            let err = '';
            child.stderr.on('data', (c: Buffer) => {
              err += c.toString();
              if (err.includes('worker started')) resolve();
            });
            child.on('exit', (code) => reject(new Error(`worker exited ${code}: ${err}`)));
          }),
      ),
    );
    const began = performance.now();
    await enqueueIngest(runtime, [folder], { published: null, actor: 'system:bench' });
    while ((await pendingIngestJobs(runtime)) > 0) await new Promise((r) => setTimeout(r, 200));
    const seconds = (performance.now() - began) / 1000;
    const count = async (table: 'sources' | 'incidents') =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(runtime.db)).rows[0]
          ?.n,
      );
    const twice = await sql<{
      n: string;
    }>`select count(*) as n from (select url from sources group by url having count(*) > 1) t`.execute(
      runtime.db,
    );
    const run = {
      workers,
      seconds,
      sources: await count('sources'),
      incidents: await count('incidents'),
      twice: Number(twice.rows[0]?.n ?? 0),
    };
    if (run.sources !== expected) console.log(`  !! ${run.sources} sources stored for ${expected} articles`);
    return run;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await runtime.close();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const articles = Number(process.env.TRUCE_BENCH_ARTICLES ?? 3000);
  if (!Number.isInteger(articles) || articles < 10 || articles > MAX_ARTICLES)
    throw new Error(
      `TRUCE_BENCH_ARTICLES must be a whole number from 10 to ${MAX_ARTICLES}; got ${process.env.TRUCE_BENCH_ARTICLES}`,
    );
  const rounds = Number(process.env.TRUCE_BENCH_ROUNDS ?? 1);
  const work = mkdtempSync(join(tmpdir(), 'truce-bench-ingest-'));
  try {
    const corpus = generateCorpus({ articles });
    const folder = join(work, 'articles');
    mkdirSync(folder);
    let bytes = 0;
    for (const a of corpus.articles) {
      writeFileSync(join(folder, a.file), a.html);
      bytes += a.html.length;
    }
    console.log(
      `corpus: ${corpus.articles.length} pages (${(bytes / 1e6).toFixed(1)} MB) telling ${corpus.events.length} events; load average ${load()}`,
    );
    await benchSqlite(folder, rounds, work);

    const pgUrl = process.env.TRUCE_BENCH_POSTGRES_URL ?? process.env.TRUCE_TEST_POSTGRES_URL;
    if (!pgUrl) {
      console.log('postgres: skipped (set TRUCE_BENCH_POSTGRES_URL or TRUCE_TEST_POSTGRES_URL)');
      return;
    }
    const pgArticles = Number(process.env.TRUCE_BENCH_PG_ARTICLES ?? Math.min(articles, 1000));
    const pgFolder = join(work, 'pg-articles');
    mkdirSync(pgFolder);
    for (const a of corpus.articles.slice(0, pgArticles)) writeFileSync(join(pgFolder, a.file), a.html);
    const byWorkers = new Map<number, number[]>();
    for (let round = 1; round <= rounds; round += 1)
      for (const workers of [1, 2]) {
        const loadBefore = load();
        const r = await benchWorkers(pgUrl, pgFolder, workers, pgArticles);
        byWorkers.set(workers, [...(byWorkers.get(workers) ?? []), pgArticles / r.seconds]);
        console.log(
          `postgres round ${round}, ${workers} worker${workers > 1 ? 's' : ''}: ${pgArticles} articles in ${r.seconds.toFixed(1)} s = ${(pgArticles / r.seconds).toFixed(1)} articles/s; ${r.sources} sources, ${r.twice} stored twice, ${r.incidents} incidents | load ${loadBefore} -> ${load()}`,
        );
      }
    const [one, two] = [median(byWorkers.get(1) ?? []), median(byWorkers.get(2) ?? [])];
    console.log(
      `postgres median: 1 worker ${one.toFixed(1)}, 2 workers ${two.toFixed(1)} articles/s; speed-up × ${(two / one).toFixed(2)}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--sqlite-child')
  await sqliteChild(process.argv[3] as string, process.argv[4] as string);
else await main();
