// ACLED import benchmark: a generated ACLED file (current layout, ACLED's own date form, `NA`
// blanks, text actor types; one row in ten with fatalities) imported into an empty database
// through the audited write path; prints rows/s of wall time and of this process's CPU time
// (on a shared machine the CPU figure is the steadier one), then imports it again (all present).
//   npm run bench:export                    (runs it after the export bench; SQLite)
//   TRUCE_BENCH_ACLED_ROWS=…                rows in the file (default 20,000)
//   TRUCE_BENCH_POSTGRES_URL=postgres://…   also runs it on a scratch PostgreSQL database
//   TRUCE_BENCH_SQLITE=0                    skips SQLite
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { importAcled } from '../src/exchange/acled-import.js';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

const ROWS = Number(process.env.TRUCE_BENCH_ACLED_ROWS ?? 20_000);
const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function row(n: number): string {
  const day = 1 + (n % 28);
  const month = MONTHS[n % 12] ?? 'January';
  const fatalities = n % 10 === 0 ? 1 + (n % 7) : 0;
  return [
    `BEN${n}`,
    `${day} ${month} 2022`,
    '2022',
    '1',
    'Political violence',
    'Battles',
    'Armed clash',
    'Military Forces of Benin (2016-)',
    'NA',
    'State forces',
    `Armed group ${n % 13}`,
    'NA',
    'Rebel group',
    'State forces-Rebel group',
    'NA',
    '204',
    'Western Africa',
    'Benin',
    'Alibori',
    `District ${n % 40}`,
    'NA',
    `Village ${n % 500}`,
    (11 + (n % 1000) / 1000).toFixed(4),
    (2.5 + (n % 700) / 1000).toFixed(4),
    '2',
    'Local radio; National daily',
    'Local partner-National',
    `"On ${day} ${month} 2022, soldiers and an armed group clashed near village ${n % 500}; ${fatalities} were reported killed."`,
    String(fatalities),
    'NA',
    '1672531200',
  ].join(',');
}

function file(): string[] {
  const chunks = [`${HEADER}\r\n`];
  for (let n = 0; n < ROWS; n += 1000)
    chunks.push(Array.from({ length: Math.min(1000, ROWS - n) }, (_, i) => `${row(n + i)}\r\n`).join(''));
  return chunks;
}

async function measure(name: string, db: Db): Promise<void> {
  const outcome = await migrateToLatest(db);
  if (outcome.error) throw outcome.error;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`${name}: ${ROWS.toLocaleString('en')} ACLED rows (load average ${load})`);
  for (const pass of ['first import', 'again (all present)']) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await importAcled(db, Readable.from(file()), { actor: 'bench:import' });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(
      `  ${pass}: ${summary.imported} imported, ${summary.duplicate} present in ${seconds.toFixed(1)} s — ` +
        `${Math.round(ROWS / seconds).toLocaleString('en')} rows/s (${Math.round(ROWS / cpuSeconds).toLocaleString('en')} rows per CPU second)`,
    );
  }
}

export async function runAcledImportBench(): Promise<void> {
  if (process.env.TRUCE_BENCH_SQLITE !== '0') {
    const dir = mkdtempSync(join(tmpdir(), 'truce-import-bench-'));
    const sqlite = openDatabase(parseDatabaseUrl(`sqlite:${join(dir, 'bench.db')}`));
    try {
      await measure('sqlite', sqlite);
    } finally {
      await sqlite.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const pgBase = process.env.TRUCE_BENCH_POSTGRES_URL;
  if (pgBase) {
    const scratch = await createScratchPostgres(pgBase, `truce_import_bench_${process.pid}`);
    const pg = openDatabase(parseDatabaseUrl(scratch.url));
    try {
      await measure('postgres', pg);
    } finally {
      await pg.destroy();
      await scratch.drop();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runAcledImportBench();
