// API load benchmark: 100,000 incidents in SQLite (loaded through the audited write path), the
// real server in a child process (`truce serve`), then autocannon for 30 s at 100 connections on
// the incidents list and on the map endpoint. Prints requests/s and p50/p99 latency.
//   npm run bench:api      (TRUCE_BENCH_INCIDENTS, TRUCE_BENCH_SECONDS, TRUCE_BENCH_CONNECTIONS)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { audited } from '../src/audit/audit-store.js';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { insertIncident } from '../src/record/incident-store.js';
import { IncidentInput } from '../src/record/schemas.js';
import { INCIDENT_KINDS } from '../src/record/taxonomy.js';
import { lcgRandom } from '../src/record/test-support/random.js';

const TOTAL = Number(process.env.TRUCE_BENCH_INCIDENTS ?? 100_000);
const SECONDS = Number(process.env.TRUCE_BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.TRUCE_BENCH_CONNECTIONS ?? 100);
const PORT = 8899;

const rand = lcgRandom(11);
const day = (n: number) => new Date(Date.UTC(2020, 10, 10) + n * 864e5).toISOString().slice(0, 10);

async function load(url: string): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(url));
  const migrated = await migrateToLatest(db);
  if (migrated.error) throw migrated.error;
  for (let done = 0; done < TOTAL; done += 1000) {
    await audited(db, { actor: 'bench' }, async (writer) => {
      for (let i = done; i < Math.min(done + 1000, TOTAL); i += 1) {
        const d = day(Math.floor(rand() * 730));
        await insertIncident(
          writer,
          IncidentInput.parse({
            kind: INCIDENT_KINDS[Math.floor(rand() * INCIDENT_KINDS.length)],
            title: `Load incident ${i}`,
            dateStart: d,
            dateEnd: d,
            lat: 39.2 + rand() * 1.6,
            lon: 45.9 + rand() * 1.9,
            geoPrecision: 'near',
            status: rand() < 0.7 ? 'confirmed' : 'candidate',
          }),
        );
      }
    });
  }
  await db.destroy();
}

async function waitUp(): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('server did not start');
}

function hammer(path: string) {
  return autocannon({ url: `http://127.0.0.1:${PORT}${path}`, connections: CONNECTIONS, duration: SECONDS });
}

const dir = mkdtempSync(join(tmpdir(), 'truce-api-bench-'));
const url = `sqlite:${join(dir, 'api.db')}`;
const loadStart = performance.now();
await load(url);
console.log(
  `loaded ${TOTAL.toLocaleString('en')} incidents in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
);
const server = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--port', String(PORT), '--no-demo'], {
  env: { ...process.env, TRUCE_DATABASE_URL: url, TRUCE_LOG_LEVEL: 'warn' },
  stdio: 'inherit',
});
try {
  await waitUp();
  const targets = [
    ['incidents list', '/api/incidents?limit=50&kind=shelling,armed_clash&from=2021-06-01&to=2021-12-31'],
    ['map (zoom 8)', '/api/map?zoom=8&bbox=45.5,39,48,41'],
  ] as const;
  console.log(
    `endpoint          req/s    p50 ms   p99 ms   errors   (${CONNECTIONS} connections, ${SECONDS} s each)`,
  );
  for (const [name, path] of targets) {
    const r = await hammer(path);
    console.log(
      `${name.padEnd(16)} ${r.requests.average.toFixed(0).padStart(6)}   ${String(r.latency.p50).padStart(6)}   ${String(r.latency.p99).padStart(6)}   ${r.errors + r.non2xx}`,
    );
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
