// What sharing state through the database costs a request: the response cache's check of the
// audit head (every cached GET), the rate limiter's upsert (each sign-in attempt and public report)
// and a lease taken and released (each feed poll), on SQLite and — with TRUCE_TEST_POSTGRES_URL —
// PostgreSQL, against the same work kept in one process's memory. Calls one after another, then
// 32 in flight; medians of three runs.
//   npm run bench:shared      (TRUCE_BENCH_CALLS, default 2000)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { acquireLease, releaseLease } from '../src/platform/lease-store.js';
import { createRateLimiter } from '../src/server/auth/rate-limit.js';
import { createResponseCache } from '../src/server/response-cache.js';

const CALLS = Number(process.env.TRUCE_BENCH_CALLS ?? 2000);
const IN_FLIGHT = 32;
const RUNS = 3;

type Call = (i: number) => Promise<unknown>;

/** Microseconds per call, calls one after another. */
async function sequential(call: Call): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS; i += 1) await call(i);
  return ((performance.now() - start) * 1000) / CALLS;
}

/** Calls per second with IN_FLIGHT calls running at once. */
async function concurrent(call: Call): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CALLS) await call(next++);
    }),
  );
  return CALLS / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function measure(name: string, call: Call): Promise<void> {
  await sequential(call); // warm up
  const seq: number[] = [];
  const par: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    seq.push(await sequential(call));
    par.push(await concurrent(call));
  }
  console.log(
    `${name.padEnd(44)} ${median(seq).toFixed(1).padStart(8)} µs/call ${Math.round(median(par)).toLocaleString('en').padStart(9)} calls/s at ${IN_FLIGHT} in flight`,
  );
}

/** The cache's answer kept in memory with no check at all: the floor. */
function memoryOnlyCache() {
  const entries = new Map<string, Promise<unknown>>();
  return async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit) return hit as Promise<T>;
    const pending = compute();
    entries.set(key, pending);
    return pending;
  };
}

async function benchDatabase(label: string, db: Db): Promise<void> {
  const migrated = await migrateToLatest(db);
  if (migrated.error) throw migrated.error;
  const cache = createResponseCache(db);
  const answer = async () => '{"items":[]}';
  await measure(`${label}: cache hit (audit head read)`, () => cache('list?limit=50', answer));
  const limiter = createRateLimiter(db, {
    name: 'bench',
    limit: Number.MAX_SAFE_INTEGER,
    windowMs: 3_600_000,
    message: 'bench',
  });
  const now = new Date();
  await measure(`${label}: rate-limit take (upsert)`, (i) => limiter.take(`198.51.100.${i % 200}`, now));
  const clock = () => new Date();
  await measure(`${label}: lease taken and released`, async (i) => {
    const lease = { name: `bench:${i % 200}`, holder: `bench#${i}`, ttlMs: 60_000, clock };
    if (await acquireLease(db, lease)) await releaseLease(db, lease);
  });
  await db.destroy();
}

console.log(`${CALLS.toLocaleString('en')} calls per run, median of ${RUNS} runs`);
const memory = memoryOnlyCache();
await measure('memory: cache hit (no check)', () => memory('list?limit=50', async () => '{"items":[]}'));
const counts = new Map<string, number>();
await measure('memory: rate-limit count (Map)', async (i) => {
  const key = `198.51.100.${i % 200}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
});

const dir = mkdtempSync(join(tmpdir(), 'truce-shared-bench-'));
try {
  await benchDatabase('sqlite', openDatabase(parseDatabaseUrl(`sqlite:${join(dir, 'shared.db')}`)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const postgresUrl = process.env.TRUCE_TEST_POSTGRES_URL;
if (postgresUrl) {
  const scratch = await createScratchPostgres(postgresUrl, `truce_shared_bench_${process.pid}`);
  try {
    await benchDatabase('postgres', openDatabase(parseDatabaseUrl(scratch.url)));
  } finally {
    await scratch.drop();
  }
} else console.log('postgres: skipped (set TRUCE_TEST_POSTGRES_URL)');
