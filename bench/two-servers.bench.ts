// Two API processes (`truce serve`, the built CLI) on one PostgreSQL database holding the demo,
// both hammered at once on the cached incidents list: what the shared cache check costs end to
// end. Prints requests/s (both servers together) and p50/p99 latency; median of three runs.
//   npm run build && TRUCE_TEST_POSTGRES_URL=postgres://… node --import tsx bench/two-servers.bench.ts
//   (TRUCE_BENCH_SECONDS, default 10; TRUCE_BENCH_CONNECTIONS per server, default 50)
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { loadDemo } from '../src/demo/load-demo.js';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

const SECONDS = Number(process.env.TRUCE_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.TRUCE_BENCH_CONNECTIONS ?? 50);
const PORTS = [8911, 8912];
const PATH = '/api/incidents?limit=50';
const postgresUrl = process.env.TRUCE_TEST_POSTGRES_URL;
if (!postgresUrl) throw new Error('set TRUCE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres');

async function waitUp(port: number): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server on ${port} did not start`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const scratch = await createScratchPostgres(postgresUrl, `truce_two_servers_bench_${process.pid}`);
const servers: ChildProcess[] = [];
try {
  const db = openDatabase(parseDatabaseUrl(scratch.url));
  const migrated = await migrateToLatest(db);
  if (migrated.error) throw migrated.error;
  await loadDemo(db, { actor: 'bench' });
  await db.destroy();
  for (const port of PORTS)
    servers.push(
      spawn(process.execPath, ['dist/cli/main.js', 'serve', '--port', String(port), '--no-demo'], {
        env: { ...process.env, TRUCE_DATABASE_URL: scratch.url, TRUCE_LOG_LEVEL: 'warn' },
        stdio: 'inherit',
      }),
    );
  await Promise.all(PORTS.map(waitUp));
  const rps: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const results = await Promise.all(
      PORTS.map((port) =>
        autocannon({ url: `http://127.0.0.1:${port}${PATH}`, connections: CONNECTIONS, duration: SECONDS }),
      ),
    );
    if (results.some((r) => r.non2xx > 0 || r.errors > 0)) throw new Error('some requests failed');
    rps.push(results.reduce((n, r) => n + r.requests.average, 0));
    p50.push(Math.max(...results.map((r) => r.latency.p50)));
    p99.push(Math.max(...results.map((r) => r.latency.p99)));
  }
  console.log(
    `GET ${PATH} through 2 servers × ${CONNECTIONS} connections, ${SECONDS} s, median of 3: ` +
      `${Math.round(median(rps)).toLocaleString('en')} req/s, p50 ${median(p50)} ms, p99 ${median(p99)} ms ` +
      `(runs: ${rps.map((r) => Math.round(r)).join(', ')} req/s)`,
  );
} finally {
  await Promise.all(
    servers.map((s) => (s.exitCode !== null ? null : new Promise((r) => s.once('exit', r).kill('SIGTERM')))),
  );
  await scratch.drop();
}
