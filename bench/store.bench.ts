// Store benchmark: N incidents, each with its source, one report, the link and its parties, every
// row audited (bench/seed.ts, in bulk), in SQLite and PostgreSQL, at each size asked; then times
// the incident search (box + 90 days + kind + party) three times and prints, size by size side by
// side, the medians of each run's p50 and p95.
//   npm run bench:store                      (N = 100,000)
//   TRUCE_BENCH_INCIDENTS=100000,1000000     (several sizes, printed side by side)
//   TRUCE_BENCH_DATABASES=sqlite|postgres    (default both)
//   TRUCE_BENCH_POSTGRES_URL=…               (default postgres://postgres@127.0.0.1:5432/postgres; skipped if unreachable)
//   TRUCE_BENCH_KEEP=DIR                     (keep the seeded databases, see bench/bench-db.ts)
import { loadavg } from 'node:os';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { openDatabase, type Db } from '../src/platform/db/dialect.js';
import { listIncidents } from '../src/record/incident-list-store.js';
import { INCIDENT_KINDS } from '../src/record/taxonomy.js';
import { benchDatabases, benchSizes, withSeeded } from './bench-db.js';
import { BENCH_BOX, BENCH_DAYS, benchDay } from './seed.js';
import { lcgRandom } from '../src/record/test-support/random.js';

const QUERIES = 300;
const RUNS = 3;

const rand = lcgRandom(43);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

async function queryTimes(
  db: Db,
  parties: readonly string[],
): Promise<{ p50: number; p95: number; cpu95: number; meanRows: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let q = 0; q < QUERIES; q += 1) {
    const lon = BENCH_BOX.lon[0] + rand() * (BENCH_BOX.lon[1] - BENCH_BOX.lon[0] - 1);
    const lat = BENCH_BOX.lat[0] + rand() * (BENCH_BOX.lat[1] - BENCH_BOX.lat[0] - 1);
    const start = Math.floor(rand() * (BENCH_DAYS - 100));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const page = await listIncidents(db, {
      kind: [pick(INCIDENT_KINDS)],
      from: benchDay(start),
      to: benchDay(start + 90),
      bbox: [lon, lat, lon + 1, lat + 1],
      ...(parties.length > 0 ? { party: pick(parties) } : {}),
      limit: 50,
    });
    times.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    rows += page.total;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (xs: number[], p: number) =>
    xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? Number.NaN;
  return { p50: at(times, 0.5), p95: at(times, 0.95), cpu95: at(cpu, 0.95), meanRows: rows / QUERIES };
}

async function measure(url: string) {
  const db: Db = openDatabase(parseDatabaseUrl(url));
  // The parties the incidents name (the theatre's codes for the bench's actors).
  const parties = (await db.selectFrom('incident_parties').select('party').distinct().execute()).map(
    (r) => r.party,
  );
  const runs: Awaited<ReturnType<typeof queryTimes>>[] = [];
  for (let r = 0; r < RUNS; r += 1) runs.push(await queryTimes(db, parties));
  await db.destroy();
  const median = (of: (run: (typeof runs)[number]) => number) =>
    runs.map(of).sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
  return {
    p50: median((r) => r.p50),
    p95: median((r) => r.p95),
    cpu95: median((r) => r.cpu95),
    meanRows: median((r) => r.meanRows),
  };
}

const sizes = benchSizes();
const rows: string[] = [];
for (const database of benchDatabases()) {
  const cells: string[] = [];
  try {
    for (const size of sizes) {
      const r = await withSeeded(database, size, async ({ url, seedSeconds }) => ({
        seedSeconds,
        ...(await measure(url)),
        load: loadavg()[0] as number,
      }));
      cells.push(
        `${(r.seedSeconds ? r.seedSeconds.toFixed(0) : 'kept').padStart(6)} ${r.p50.toFixed(2).padStart(7)} ${r.p95.toFixed(2).padStart(7)} ${r.cpu95.toFixed(2).padStart(7)} ${r.meanRows.toFixed(0).padStart(7)} ${r.load.toFixed(2).padStart(5)}`,
      );
    }
    rows.push(`${database.padEnd(9)} ${cells.join(' |')}`);
  } catch (error) {
    rows.push(`${database.padEnd(9)} skipped (${error instanceof Error ? error.message : String(error)})`);
  }
}
console.log(
  `\nincident search: box + 90 days + kind + party, limit 50, ${QUERIES} queries, medians of ${RUNS} runs; seed s (kept: reused); cpu p95: this process's CPU ms per query (SQLite's whole work, PostgreSQL's client share only); load: 1-min load average after`,
);
console.log(
  `${''.padEnd(9)} ${sizes.map((n) => `${n.toLocaleString('en')} incidents`.padEnd(38)).join(' |')}`,
);
console.log(
  `${'database'.padEnd(9)} ${sizes.map(() => 'seed s  p50 ms  p95 ms cpu p95 matches  load').join(' |')}`,
);
for (const row of rows) console.log(row);
