// Store benchmark: inserts N incidents, each with one report and its link, through the audited
// write path, into SQLite and PostgreSQL; then times the incident search (box + dates + kind +
// party) three times and prints the medians of each run's p50 and p95.
//   npm run bench:store            (N = 100,000; TRUCE_BENCH_INCIDENTS=… to change)
//   TRUCE_BENCH_POSTGRES_URL=…     (default postgres://postgres@127.0.0.1:5432/postgres; skipped if unreachable)
//   TRUCE_BENCH_KEEP=DIR           (keep the databases — DIR/store.db and PostgreSQL's store_bench_keep
//                                   — and time them again on the next run instead of inserting)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audited } from '../src/audit/audit-store.js';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/platform/config.js';
import pg from 'pg';
import { createScratchPostgres, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { insertIncident, listIncidents } from '../src/record/incident-store.js';
import { IncidentInput } from '../src/record/schemas.js';
import { INCIDENT_KINDS } from '../src/record/taxonomy.js';
import { lcgRandom } from '../src/record/test-support/random.js';

const TOTAL = Number(process.env.TRUCE_BENCH_INCIDENTS ?? 100_000);
const BATCH = 500;
const QUERIES = 300;
const RUNS = 3;
const KEEP = process.env.TRUCE_BENCH_KEEP;

const rand = lcgRandom(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const dayOf = (offset: number) => new Date(Date.UTC(2020, 8, 27) + offset * 864e5).toISOString().slice(0, 10);

function incidentAt(n: number) {
  const day = dayOf(Math.floor(rand() * 2000));
  return IncidentInput.parse({
    kind: pick(INCIDENT_KINDS),
    title: `Benchmark incident ${n}`,
    dateStart: day,
    dateEnd: day,
    lat: 38 + rand() * 4,
    lon: 43 + rand() * 7,
    geoPrecision: 'near',
    actor1: 'Military Forces of Armenia',
    actor2: 'Military Forces of Azerbaijan',
  });
}

async function insertAll(db: Db): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < TOTAL; done += BATCH) {
    await audited(db, { actor: 'bench' }, async (writer) => {
      for (let i = done; i < Math.min(done + BATCH, TOTAL); i += 1) {
        const input = incidentAt(i);
        await insertIncident(writer, input, [
          {
            kind: 'event',
            eventKind: input.kind,
            dateStart: input.dateStart,
            dateEnd: input.dateEnd,
            lat: input.lat,
            lon: input.lon,
            payload: { n: i },
          },
        ]);
      }
    });
  }
  return TOTAL / ((performance.now() - started) / 1000);
}

async function queryTimes(
  db: Db,
  parties: readonly string[],
): Promise<{ p50: number; p95: number; meanRows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let q = 0; q < QUERIES; q += 1) {
    const lon = 43 + rand() * 6;
    const lat = 38 + rand() * 3;
    const start = Math.floor(rand() * 1900);
    const t0 = performance.now();
    const page = await listIncidents(db, {
      kind: [pick(INCIDENT_KINDS)],
      from: dayOf(start),
      to: dayOf(start + 90),
      bbox: [lon, lat, lon + 1, lat + 1],
      ...(parties.length > 0 ? { party: pick(parties) } : {}),
      limit: 50,
    });
    times.push(performance.now() - t0);
    rows += page.total;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), meanRows: rows / QUERIES };
}

async function run(name: string, config: DatabaseConfig) {
  const db = openDatabase(config);
  const migrated = await migrateToLatest(db);
  if (migrated.error) throw migrated.error;
  const stored = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(stored.n) !== 0 && Number(stored.n) !== TOTAL)
    throw new Error(`${name}: the kept database holds ${stored.n} incidents, not ${TOTAL}`);
  const perSecond = Number(stored.n) === 0 ? await insertAll(db) : Number.NaN;
  // The parties the incidents name (the theatre's codes for the bench's actors).
  const parties = (await db.selectFrom('incident_parties').select('party').distinct().execute()).map(
    (r) => r.party,
  );
  const runs: Awaited<ReturnType<typeof queryTimes>>[] = [];
  for (let r = 0; r < RUNS; r += 1) runs.push(await queryTimes(db, parties));
  await db.destroy();
  const median = (pick: (run: (typeof runs)[number]) => number) =>
    runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
  return {
    name,
    perSecond,
    p50: median((r) => r.p50),
    p95: median((r) => r.p95),
    meanRows: median((r) => r.meanRows),
  };
}

const results = [];
const only = process.env.TRUCE_BENCH_DATABASES?.split(',') ?? ['sqlite', 'postgres'];
if (only.includes('sqlite')) {
  const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'truce-bench-'));
  results.push(await run('sqlite', parseDatabaseUrl(`sqlite:${join(dir, 'store.db')}`)));
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}

const pgBase = process.env.TRUCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
try {
  if (!only.includes('postgres')) {
    // not asked for
  } else if (KEEP) {
    const url = new URL(pgBase);
    url.pathname = '/store_bench_keep';
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    const exists = await admin.query(`select 1 from pg_database where datname = 'store_bench_keep'`);
    if (exists.rowCount === 0) await admin.query('create database store_bench_keep');
    await admin.end();
    results.push(await run('postgres', parseDatabaseUrl(url.toString())));
  } else {
    const scratch = await createScratchPostgres(pgBase, `truce_bench_${process.pid}`);
    try {
      results.push(await run('postgres', parseDatabaseUrl(scratch.url)));
    } finally {
      await scratch.drop();
    }
  }
} catch (error) {
  console.log(`postgres: skipped (${error instanceof Error ? error.message : String(error)})`);
}

console.log(
  `\n${TOTAL.toLocaleString('en')} incidents, each with 1 report and its link, audited, batches of ${BATCH}`,
);
console.log(
  `incident search: box + 90 days + kind + party, ${QUERIES} queries, medians of ${RUNS} runs (reports/s NaN: kept database, not inserted)`,
);
console.log('database   reports/s   query p50 ms   query p95 ms   mean matches');
for (const r of results) {
  console.log(
    `${r.name.padEnd(10)} ${r.perSecond.toFixed(0).padStart(9)}   ${r.p50.toFixed(2).padStart(12)}   ${r.p95.toFixed(2).padStart(12)}   ${r.meanRows.toFixed(1).padStart(12)}`,
  );
}
