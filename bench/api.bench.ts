// API load benchmark: the seeded record (bench/seed.ts: N incidents with their sources, reports,
// links, parties and audit entries) at each size asked, the real server in a child process
// (`truce serve`: one process on SQLite; on PostgreSQL `--processes 2`, two behind one port), then
// autocannon on the incidents list (box + dates + kinds), the map and the full-text search.
// Prints requests/s and p50/p99 latency, sizes side by side, with the 1-minute load average.
//   npm run bench:api      (TRUCE_BENCH_INCIDENTS=100000,1000000, TRUCE_BENCH_DATABASES,
//                           TRUCE_BENCH_SECONDS (20), TRUCE_BENCH_CONNECTIONS (100), TRUCE_BENCH_KEEP)
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { benchDatabases, benchSizes, withSeeded } from './bench-db.js';

const SECONDS = Number(process.env.TRUCE_BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.TRUCE_BENCH_CONNECTIONS ?? 100);
const PORT = 8899;

const TARGETS = [
  [
    'list',
    '/api/incidents?limit=50&kind=shelling,armed_clash&from=2021-06-01&to=2021-12-31&bbox=45.5,39,48,41',
  ],
  ['map z8', '/api/map?zoom=8&bbox=45.5,39,48,41'],
  ['search', '/api/search?q=reported&kind=shelling&from=2021-06-01&to=2021-08-31'],
] as const;

async function waitUp(port: number): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} did not start`);
}

async function hammer(port: number, path: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function measure(url: string, processes: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['dist/cli/main.js', 'serve', '--port', String(PORT), '--no-demo', '--processes', String(processes)],
    { env: { ...process.env, TRUCE_DATABASE_URL: url, TRUCE_LOG_LEVEL: 'warn' }, stdio: 'inherit' },
  );
  try {
    await waitUp(PORT);
    const out = new Map<string, Awaited<ReturnType<typeof hammer>> & { load: number }>();
    for (const [name, path] of TARGETS)
      out.set(name, { ...(await hammer(PORT, path)), load: loadavg()[0] ?? 0 });
    return out;
  } finally {
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r).kill('SIGTERM'));
  }
}

const sizes = benchSizes();
const lines: string[] = [];
for (const database of benchDatabases()) {
  const processes = database === 'postgres' ? 2 : 1;
  const bySize: Map<string, Awaited<ReturnType<typeof hammer>> & { load: number }>[] = [];
  try {
    for (const size of sizes)
      bySize.push(await withSeeded(database, size, ({ url }) => measure(url, processes)));
  } catch (error) {
    lines.push(`${database}: skipped (${error instanceof Error ? error.message : String(error)})`);
    continue;
  }
  for (const [name] of TARGETS) {
    const cells = bySize.map((m) => {
      const r = m.get(name);
      return r
        ? `${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(6)} ${String(r.p99).padStart(6)} ${String(r.errors).padStart(4)} ${r.load.toFixed(1).padStart(5)}`
        : '';
    });
    lines.push(`${`${database} ×${processes}`.padEnd(12)} ${name.padEnd(7)} ${cells.join(' |')}`);
  }
}
console.log(
  `\n${CONNECTIONS} connections to one port, ${SECONDS} s per endpoint; load: 1-min load average after`,
);
for (const [name, path] of TARGETS) console.log(`  ${name}: ${path}`);
console.log(
  `${''.padEnd(20)} ${sizes.map((n) => `${n.toLocaleString('en')} incidents`.padEnd(33)).join(' |')}`,
);
console.log(
  `${'database'.padEnd(12)} ${'target'.padEnd(7)} ${sizes.map(() => ' req/s p50 ms p99 ms errs  load').join(' |')}`,
);
for (const line of lines) console.log(line);
