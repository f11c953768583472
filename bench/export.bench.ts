// Export benchmark: a 1,000,000-incident ACLED export, streamed to a counting sink; prints rows/s,
// peak RSS and RSS at each quarter of the run (flat memory means the quarters stay level). Then
// the ACLED import benchmark (bench/acled-import.bench.ts: rows/s on the same databases).
//   npm run bench:export                    (SQLite; TRUCE_BENCH_INCIDENTS=… to change N)
//   TRUCE_BENCH_POSTGRES_URL=postgres://…   also runs it on a scratch PostgreSQL database
//   TRUCE_BENCH_SQLITE=0                    skips SQLite
// Setup speed: the incidents are written with direct batched inserts, bypassing the audited write
// path (which would take far longer for a million rows and is not what is measured here). One in
// ten incidents gets a killed figure and one in twenty an injured one, so figure lookups are real.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { exportIncidents } from '../src/exchange/export.js';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { NewRow } from '../src/platform/db/schema.js';
import { INCIDENT_KIND, INCIDENT_KINDS } from '../src/vocabulary/index.js';

const TOTAL = Number(process.env.TRUCE_BENCH_INCIDENTS ?? 1_000_000);
const BATCH = 500;

const dayOf = (n: number) => new Date(Date.UTC(2020, 8, 27) + (n % 2000) * 864e5).toISOString().slice(0, 10);

function incidentRow(n: number): NewRow<'incidents'> {
  const kind = INCIDENT_KINDS[n % INCIDENT_KINDS.length] ?? 'other';
  const day = dayOf(n * 7);
  return {
    public_id: `bench-${n}`,
    kind,
    acled_event_type: INCIDENT_KIND[kind].acled.event_type,
    acled_sub_event_type: INCIDENT_KIND[kind].acled.sub_event_type,
    title: `Benchmark incident ${n}`,
    date_start: day,
    date_end: day,
    date_precision: 'day',
    place_name: `Place ${n % 977}`,
    country: n % 2 === 0 ? 'AZ' : 'AM',
    lat: 38 + (n % 4000) / 1000,
    lon: 43 + (n % 7000) / 1000,
    geo_precision: 'near',
    actor1: 'Military Forces of Armenia',
    actor2: 'Military Forces of Azerbaijan',
    status: 'confirmed',
    version: 1,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
  };
}

async function seed(db: Db): Promise<void> {
  const started = performance.now();
  for (let done = 0; done < TOTAL; done += BATCH * 20) {
    await db.transaction().execute(async (trx) => {
      for (let b = done; b < Math.min(done + BATCH * 20, TOTAL); b += BATCH) {
        const rows = Array.from({ length: Math.min(BATCH, TOTAL - b) }, (_, i) => incidentRow(b + i));
        const ids = await trx.insertInto('incidents').values(rows).returning('id').execute();
        const figures = ids.flatMap(({ id }, i) => figuresOf(id, b + i));
        if (figures.length > 0) await trx.insertInto('casualty_figures').values(figures).execute();
      }
    });
  }
  console.log(
    `  seeded ${TOTAL.toLocaleString('en')} incidents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

function figuresOf(incidentId: number, n: number): NewRow<'casualty_figures'>[] {
  const out: NewRow<'casualty_figures'>[] = [];
  if (n % 10 === 0)
    out.push({
      incident_id: incidentId,
      category: 'killed',
      population: 'unknown',
      low: 2,
      best: 3,
      high: 5,
      qualifier: 'between',
      cumulative: 0,
    });
  if (n % 20 === 0)
    out.push({
      incident_id: incidentId,
      category: 'injured',
      population: 'civilians',
      low: 1,
      best: 1,
      high: 1,
      qualifier: 'exact',
      cumulative: 0,
    });
  return out;
}

async function measure(db: Db): Promise<void> {
  let rows = -1; // the header row
  let bytes = 0;
  let peak = process.memoryUsage().rss;
  const quarters: number[] = [];
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const text = String(chunk);
      bytes += Buffer.byteLength(text);
      for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) {
        rows += 1;
        if (rows > 0 && rows % Math.max(1, Math.floor(TOTAL / 4)) === 0)
          quarters.push(process.memoryUsage().rss);
      }
      done();
    },
  });
  const started = performance.now();
  const { body } = exportIncidents(db, { format: 'acled', filters: {}, statuses: ['confirmed'] });
  await pipeline(body, sink);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, ...quarters);
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  console.log(`  exported ${rows.toLocaleString('en')} rows, ${mb(bytes)} of CSV in ${seconds.toFixed(1)} s`);
  console.log(`  ${Math.round(rows / seconds).toLocaleString('en')} rows/s; peak RSS ${mb(peak)}`);
  console.log(`  RSS at each quarter: ${quarters.map(mb).join(', ')}`);
}

async function run(name: string, db: Db): Promise<void> {
  // Other work on the machine slows every figure; the load average says how much there was.
  console.log(
    `${name}: (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  const outcome = await migrateToLatest(db);
  if (outcome.error) throw outcome.error;
  await seed(db);
  // A live PostgreSQL has statistics from autovacuum; a table filled a moment ago has none yet.
  if (name === 'postgres') await sql`analyze incidents`.execute(db);
  await measure(db);
}

if (process.env.TRUCE_BENCH_SQLITE !== '0') {
  const dir = mkdtempSync(join(tmpdir(), 'truce-export-bench-'));
  const sqlite = openDatabase(parseDatabaseUrl(`sqlite:${join(dir, 'bench.db')}`));
  try {
    await run('sqlite', sqlite);
  } finally {
    await sqlite.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pgBase = process.env.TRUCE_BENCH_POSTGRES_URL;
if (pgBase) {
  const scratch = await createScratchPostgres(pgBase, `truce_export_bench_${process.pid}`);
  const pg = openDatabase(parseDatabaseUrl(scratch.url));
  try {
    await run('postgres', pg);
  } finally {
    await pg.destroy();
    await scratch.drop();
  }
}

// The ACLED import, measured after the export (see bench/acled-import.bench.ts).
const { runAcledImportBench } = await import('./acled-import.bench.js');
await runAcledImportBench();
