// Search benchmark: N incidents (half published), each with its source (a report and its link)
// and every fifth with a statement, in SQLite and PostgreSQL; then times a mix of searches as the
// public and as staff: a common word, a middling word, a rare word, a phrase, a prefix, a word
// with filters (kind and 90 days). Rows are written straight to the tables (the audited write
// path is store.bench's subject); the search index triggers run on every insert. Prints the
// median over 3 runs of each run's p50 and p95.
//   npm run bench:search             (N = 100,000; TRUCE_BENCH_INCIDENTS=… to change)
//   TRUCE_BENCH_POSTGRES_URL=…       (default postgres://postgres@127.0.0.1:5432/postgres; skipped if unreachable)
//   TRUCE_BENCH_KEEP=DIR             (keep the seeded databases — DIR/search.db and PostgreSQL's
//                                     search_bench_keep — and time them again on the next run
//                                     instead of seeding; the seed is deterministic)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/platform/config.js';
import { createScratchPostgres, dialectOf, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { parseSearchRequest, search } from '../src/record/search-store.js';
import type { Visibility } from '../src/record/visibility.js';
import { INCIDENT_KINDS } from '../src/record/taxonomy.js';
import { lcgRandom } from '../src/record/test-support/random.js';
import { storedIncidents } from './bench-db.js';

const TOTAL = Number(process.env.TRUCE_BENCH_INCIDENTS ?? 100_000);
const BATCH = 200;
const QUERIES_PER_SHAPE = Number(process.env.TRUCE_BENCH_QUERIES ?? 25);
const RUNS = 3;

const rand = lcgRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const dayOf = (offset: number) => new Date(Date.UTC(2020, 8, 27) + offset * 864e5).toISOString().slice(0, 10);

/** A made-up vocabulary of 4,000 words drawn Zipf-like: word i about 1/(i+1) as often as the first. */
const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'ten',
  'vas',
  'lo',
  'dre',
  'pu',
  'sha',
  'nor',
  'ek',
  'zi',
  'tal',
  'om',
  'bu',
];
const VOCABULARY = Array.from({ length: 4000 }, (_, i) => {
  let n = i + 7;
  let word = '';
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return word;
});
const HARMONIC = VOCABULARY.reduce((s, _, i) => s + 1 / (i + 1), 0);
function zipfWord(): string {
  let target = rand() * HARMONIC;
  for (let i = 0; i < VOCABULARY.length; i += 1) {
    target -= 1 / (i + 1);
    if (target <= 0) return VOCABULARY[i] as string;
  }
  return VOCABULARY[VOCABULARY.length - 1] as string;
}
const sentence = (words: number) => Array.from({ length: words }, zipfWord).join(' ');

/** Every source says "reported" (the common word); one in twenty "artillery fire" (the phrase). */
function sourceText(): string {
  const phrase = rand() < 0.05 ? ' artillery fire was heard' : '';
  return `It was reported that ${sentence(40)}.${phrase} ${sentence(40)}.`;
}

async function seed(db: Db): Promise<number> {
  const started = performance.now();
  const at = new Date().toISOString();
  for (let done = 0; done < TOTAL; done += BATCH) {
    const count = Math.min(BATCH, TOTAL - done);
    await db.transaction().execute(async (trx) => {
      const incidents = await trx
        .insertInto('incidents')
        .values(
          Array.from({ length: count }, (_, i) => {
            const day = dayOf(Math.floor(rand() * 2000));
            return {
              public_id: randomUUID(),
              kind: pick(INCIDENT_KINDS),
              acled_event_type: 'Battles',
              acled_sub_event_type: 'Armed clash',
              title: `${zipfWord()} ${zipfWord()} near ${zipfWord()} (${done + i})`,
              summary: sentence(12),
              date_start: day,
              date_end: day,
              date_precision: 'day',
              place_name: zipfWord(),
              lat: 38 + rand() * 4,
              lon: 43 + rand() * 7,
              geo_precision: 'near',
              actor1: `${zipfWord()} forces`,
              actor2: null,
              status: rand() < 0.5 ? 'confirmed' : 'candidate',
              version: 1,
              created_at: at,
              updated_at: at,
            };
          }),
        )
        .returning('id')
        .execute();
      const sources = await trx
        .insertInto('sources')
        .values(
          incidents.map((incident) => {
            const text = sourceText();
            return {
              url: `https://news.example.org/${incident.id}`,
              title: `Dispatch ${zipfWord()} ${zipfWord()}`,
              retrieved_at: at,
              raw: new TextEncoder().encode(text),
              raw_sha256: `raw-${incident.id}`,
              clean_text: text,
              clean_sha256: `clean-${incident.id}`,
              version: 1,
            };
          }),
        )
        .returning('id')
        .execute();
      const reports = await trx
        .insertInto('reports')
        .values(sources.map((s) => ({ source_id: s.id, kind: 'event', payload: '{}', created_at: at })))
        .returning(['id', 'source_id'])
        .execute();
      await trx
        .insertInto('incident_reports')
        .values(
          reports.map((r, i) => ({
            incident_id: incidents[i]?.id as number,
            report_id: r.id,
            linked_at: at,
          })),
        )
        .execute();
      const statements = reports
        .filter((_, i) => i % 5 === 0)
        .map((r) => ({
          report_id: r.id,
          source_id: r.source_id,
          speaker_name: `Spokesperson ${zipfWord()}`,
          direct: 1,
          text: `We ${sentence(15)}.`,
        }));
      if (statements.length > 0) await trx.insertInto('statements').values(statements).execute();
    });
  }
  if (dialectOf(db) === 'postgres') await sql`analyze`.execute(db);
  return (performance.now() - started) / 1000;
}

interface Shape {
  readonly name: string;
  readonly params: () => Record<string, string>;
}

const SHAPES: readonly Shape[] = [
  { name: 'common word', params: () => ({ q: 'reported' }) },
  { name: 'middling word', params: () => ({ q: VOCABULARY[50 + Math.floor(rand() * 200)] as string }) },
  { name: 'rare word', params: () => ({ q: VOCABULARY[3000 + Math.floor(rand() * 1000)] as string }) },
  { name: 'phrase', params: () => ({ q: '"artillery fire"' }) },
  { name: 'two words', params: () => ({ q: `${VOCABULARY[Math.floor(rand() * 30)]} ${zipfWord()}` }) },
  {
    name: 'prefix',
    params: () => ({ q: `${(VOCABULARY[Math.floor(rand() * 500)] as string).slice(0, 4)}*` }),
  },
  {
    name: 'word + filters',
    params: () => {
      const start = Math.floor(rand() * 1900);
      return { q: zipfWord(), kind: pick(INCIDENT_KINDS), from: dayOf(start), to: dayOf(start + 90) };
    },
  },
];

const VISIBILITIES: readonly [string, Visibility][] = [
  ['public', { kind: 'published' }],
  ['staff', { kind: 'all' }],
];

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

type Timings = Map<string, { p50: number[]; p95: number[]; cpu50: number[]; cpu95: number[] }>;

/** Milliseconds of this process's CPU (user + system) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/**
 * Times every shape as each searcher: wall-clock time, and this process's CPU time, which on a
 * loaded machine still measures the work (SQLite's work is all in this process; PostgreSQL's is in
 * its server, so its CPU column counts only the client's share).
 */
async function timeRun(db: Db, into: Timings): Promise<void> {
  const all: number[] = [];
  const allCpu: number[] = [];
  const add = (key: string, times: number[], cpu: number[]) => {
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const entry = into.get(key) ?? { p50: [], p95: [], cpu50: [], cpu95: [] };
    entry.p50.push(percentile(times, 0.5));
    entry.p95.push(percentile(times, 0.95));
    entry.cpu50.push(percentile(cpu, 0.5));
    entry.cpu95.push(percentile(cpu, 0.95));
    into.set(key, entry);
  };
  for (const [who, visibility] of VISIBILITIES) {
    for (const shape of SHAPES) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < QUERIES_PER_SHAPE; i += 1) {
        const params = shape.params();
        const request = parseSearchRequest((n) => (n in params ? [params[n] as string] : undefined));
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await search(db, request, visibility);
        times.push(performance.now() - t0);
        cpu.push(cpuSince(c0));
      }
      all.push(...times);
      allCpu.push(...cpu);
      add(`${who.padEnd(6)} ${shape.name}`, times, cpu);
    }
  }
  add('ALL (mix)', all, allCpu);
}

const KEEP = process.env.TRUCE_BENCH_KEEP;

async function run(name: string, config: DatabaseConfig) {
  const db = openDatabase(config);
  const migrated = await migrateToLatest(db);
  if (migrated.error) throw migrated.error;
  const stored = await storedIncidents(db);
  if (stored !== 0 && stored !== TOTAL)
    throw new Error(`${name}: the kept database holds ${stored} incidents, not ${TOTAL}`);
  const seconds = stored === 0 ? await seed(db) : 0;
  if (migrated.applied.length > 0 && stored > 0 && dialectOf(db) === 'postgres')
    await sql`analyze`.execute(db);
  const timings: Timings = new Map();
  for (let r = 0; r < RUNS; r += 1) await timeRun(db, timings);
  await db.destroy();
  console.log(
    `\n${name}: ${TOTAL.toLocaleString('en')} incidents with their sources seeded in ${seconds.toFixed(0)} s`,
  );
  console.log(
    `${'searcher / query'.padEnd(28)} p50 ms   p95 ms   cpu p50  cpu p95   (medians of ${RUNS} runs, ${QUERIES_PER_SHAPE} queries each)`,
  );
  const ms = (values: readonly number[]) => median(values).toFixed(1).padStart(6);
  for (const [key, t] of timings)
    console.log(`${key.padEnd(28)} ${ms(t.p50)}   ${ms(t.p95)}   ${ms(t.cpu50)}   ${ms(t.cpu95)}`);
}

const only = process.env.TRUCE_BENCH_DATABASES?.split(',') ?? ['sqlite', 'postgres'];
if (only.includes('sqlite')) {
  const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'truce-bench-'));
  await run('sqlite', parseDatabaseUrl(`sqlite:${join(dir, 'search.db')}`));
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
if (only.includes('postgres')) {
  const pgBase = process.env.TRUCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    if (KEEP) {
      const url = new URL(pgBase);
      url.pathname = '/search_bench_keep';
      const admin = new pg.Client({ connectionString: pgBase });
      await admin.connect();
      const exists = await admin.query(`select 1 from pg_database where datname = 'search_bench_keep'`);
      if (exists.rowCount === 0) await admin.query('create database search_bench_keep');
      await admin.end();
      await run('postgres', parseDatabaseUrl(url.toString()));
    } else {
      const scratch = await createScratchPostgres(pgBase, `search_bench_${process.pid}`);
      try {
        await run('postgres', parseDatabaseUrl(scratch.url));
      } finally {
        await scratch.drop();
      }
    }
  } catch (error) {
    console.log(`postgres: skipped (${error instanceof Error ? error.message : String(error)})`);
  }
}
