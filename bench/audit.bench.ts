// Audit benchmark (issue 19): the cost of keeping the Merkle tree with every append, and proof
// times at 1,000,000 entries, on SQLite and PostgreSQL. One run; medians and ratios (the machine
// is shared, so absolute figures move between runs, ratios within a run much less).
//   npm run bench:audit
//   TRUCE_BENCH_AUDIT_ENTRIES=…   entries for the proof timings (default 1,000,000)
//   TRUCE_BENCH_AUDIT_FILL_SECONDS=…  stop the fill after this long and time proofs at the size reached (default 600)
//   TRUCE_BENCH_POSTGRES_URL=…    (default postgres://postgres@127.0.0.1:5432/postgres; skipped if unreachable)
//   TRUCE_BENCH_SKIP_POSTGRES=1   SQLite only
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendEntries, audited, entryRow, lockHead } from '../src/audit/audit-store.js';
import { chainEntry, type ChainedEntry } from '../src/audit/chain.js';
import { verifyConsistency, verifyInclusion } from '../src/audit/merkle.js';
import {
  consistencyProof,
  growTree,
  insertTreeNodes,
  inclusionProof,
  readTreeHead,
  rootAt,
} from '../src/audit/tree-store.js';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { insertIncident } from '../src/record/incident-store.js';
import { IncidentInput } from '../src/record/schemas.js';

const PROOF_ENTRIES = Number(process.env.TRUCE_BENCH_AUDIT_ENTRIES ?? 1_000_000);
const APPEND_ROUNDS = 41;
const APPEND_BATCH = 500;
const INGEST_ROUNDS = 7;
const INGEST_BATCH = 100;
const PROOFS = 200;
/** A fill that takes longer stops there; the proofs are timed at the size it reached. */
const FILL_LIMIT_SECONDS = Number(process.env.TRUCE_BENCH_AUDIT_FILL_SECONDS ?? 600);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] as number;

function entries(head: { seq: number; hash: string }, n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = head;
  for (let i = 0; i < n; i += 1) {
    const e = chainEntry(prev, {
      at: '2026-01-01T00:00:00.000Z',
      actor: 'bench',
      action: 'create',
      entityType: 'bench',
      entityId: String(prev.seq + 1),
      before: null,
      after: `{"n":${prev.seq + 1},"pad":"${'x'.repeat(200)}"}`,
      reason: null,
    });
    out.push(e);
    prev = { seq: e.seq, hash: e.hash };
  }
  return out;
}

/**
 * One batch of audit entries appended by the writer's own path (`appendEntries`): with the tree,
 * or the chain only (the head passed without its frontier, as before migration 0011).
 */
async function appendBatch(db: Db, n: number, tree: boolean): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    const head = await lockHead(trx);
    await appendEntries(trx, tree ? head : { ...head, frontier: undefined }, entries(head, n));
  });
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t0, cpu: (used.user + used.system) / 1000 };
}

/** Chain-only appends leave the tree behind; the bench keeps them in a database of their own. */
async function appendThroughput(open: () => Promise<{ db: Db; drop(): Promise<void> }>) {
  const a = await open();
  const b = await open();
  const withTree: { wall: number; cpu: number }[] = [];
  const chainOnly: { wall: number; cpu: number }[] = [];
  try {
    for (let r = 0; r < APPEND_ROUNDS; r += 1) {
      // Interleaved, each first in every other round, so load on the machine falls on both alike.
      if (r % 2 === 0) {
        withTree.push(await appendBatch(a.db, APPEND_BATCH, true));
        chainOnly.push(await appendBatch(b.db, APPEND_BATCH, false));
      } else {
        chainOnly.push(await appendBatch(b.db, APPEND_BATCH, false));
        withTree.push(await appendBatch(a.db, APPEND_BATCH, true));
      }
    }
  } finally {
    await a.db.destroy();
    await b.db.destroy();
    await a.drop();
    await b.drop();
  }
  const of = (xs: { wall: number; cpu: number }[]) => ({
    wall: median(xs.map((x) => x.wall)),
    cpu: median(xs.map((x) => x.cpu)),
  });
  return { withTree: of(withTree), chainOnly: of(chainOnly) };
}

/** Real ingest: incidents with one report each, through the audited writer (tree included). */
async function ingestThroughput(db: Db) {
  const times: number[] = [];
  let entriesPerIncident = 0;
  for (let r = 0; r < INGEST_ROUNDS; r += 1) {
    const before = (await readTreeHead(db)).size;
    const t0 = performance.now();
    await audited(db, { actor: 'bench' }, async (writer) => {
      for (let i = 0; i < INGEST_BATCH; i += 1) {
        const input = IncidentInput.parse({
          kind: 'shelling',
          title: `Bench ${r}-${i}`,
          dateStart: '2026-01-01',
          dateEnd: '2026-01-01',
          lat: 40,
          lon: 45,
          geoPrecision: 'near',
        });
        await insertIncident(writer, input, [
          {
            kind: 'event',
            eventKind: input.kind,
            dateStart: input.dateStart,
            dateEnd: input.dateEnd,
            lat: 40,
            lon: 45,
            payload: { i },
          },
        ]);
      }
    });
    times.push(performance.now() - t0);
    entriesPerIncident = ((await readTreeHead(db)).size - before) / INGEST_BATCH;
  }
  return { msPerBatch: median(times), entriesPerIncident };
}

const FILL_BATCH = 20_000;

/**
 * Fills the log to `total` entries (a valid chain, the tree kept as the writer keeps it), in large
 * transactions. PostgreSQL takes each batch's entries as one `insert … select from unnest(…)` of
 * eleven array parameters (a multi-row insert of this size is mostly parameter handling); SQLite
 * takes the writer's own path.
 */
async function fill(db: Db, total: number, postgres: boolean) {
  const t0 = performance.now();
  let size = (await readTreeHead(db)).size;
  let lastReport = t0;
  while (size < total) {
    const n = Math.min(FILL_BATCH, total - size);
    await db.transaction().execute(async (trx) => {
      const head = await lockHead(trx);
      const batch = entries(head, n).map((e) => ({ ...e, after: null }));
      if (!postgres) return appendEntries(trx, head, batch);
      const rows = batch.map(entryRow);
      const column = <K extends keyof ReturnType<typeof entryRow>>(k: K) => rows.map((r) => r[k]);
      await sql`insert into audit_entries (seq, at, actor, action, entity_type, entity_id, before, after, reason, prev_hash, hash)
        select * from unnest(${column('seq')}::integer[], ${column('at')}::text[], ${column('actor')}::text[],
          ${column('action')}::text[], ${column('entity_type')}::text[], ${column('entity_id')}::text[],
          ${column('before')}::text[], ${column('after')}::text[], ${column('reason')}::text[],
          ${column('prev_hash')}::text[], ${column('hash')}::text[])`.execute(trx);
      const tree = growTree(
        head.frontier ?? null,
        head.seq,
        batch.map((e) => e.hash),
      );
      await insertTreeNodes(trx, tree.nodes);
      const last = batch[batch.length - 1] as ChainedEntry;
      await trx
        .updateTable('audit_head')
        .set({ seq: last.seq, hash: last.hash, frontier: tree.frontier })
        .where('id', '=', 1)
        .execute();
    });
    size += n;
    if (performance.now() - lastReport > 60_000) {
      lastReport = performance.now();
      console.log(`  … ${size} entries after ${((lastReport - t0) / 1000).toFixed(0)} s`);
    }
    if (performance.now() - t0 > FILL_LIMIT_SECONDS * 1000) break;
  }
  return { seconds: (performance.now() - t0) / 1000, size };
}

async function proofTimes(db: Db, size: number) {
  const inclusion: number[] = [];
  const consistency: number[] = [];
  const root = await rootAt(db, size);
  let ok = true;
  for (let i = 0; i < PROOFS; i += 1) {
    const entry = 1 + (randomBytes(4).readUInt32BE() % size);
    let t0 = performance.now();
    const proof = await inclusionProof(db, entry, size);
    inclusion.push(performance.now() - t0);
    ok &&= verifyInclusion(entry - 1, size, proof.leafHash, proof.path, root);
    const from = 1 + (randomBytes(4).readUInt32BE() % (size - 1));
    const old = i < 20 ? await rootAt(db, from) : null;
    t0 = performance.now();
    const path = await consistencyProof(db, from, size);
    consistency.push(performance.now() - t0);
    if (old) ok &&= verifyConsistency(from, size, old, root, path);
  }
  return { inclusion, consistency, ok };
}

async function scratchSqlite(): Promise<{ db: Db; drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-audit-'));
  const db = openDatabase(parseDatabaseUrl(`sqlite:${join(dir, 'bench.db')}`));
  const outcome = await migrateToLatest(db);
  if (outcome.error) throw outcome.error;
  return { db, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

function scratchPostgres(base: string) {
  let n = 0;
  return async (): Promise<{ db: Db; drop(): Promise<void> }> => {
    n += 1;
    const scratch = await createScratchPostgres(base, `truce_bench_audit_${process.pid}_${n}`);
    const config: DatabaseConfig = parseDatabaseUrl(scratch.url);
    const db = openDatabase(config);
    const outcome = await migrateToLatest(db);
    if (outcome.error) throw outcome.error;
    return { db, drop: scratch.drop };
  };
}

async function bench(name: string, open: () => Promise<{ db: Db; drop(): Promise<void> }>) {
  const append = await appendThroughput(open);
  const { withTree, chainOnly } = append;
  console.log(
    `${name}: append ${APPEND_BATCH} entries/transaction, median of ${APPEND_ROUNDS}: with tree ${withTree.wall.toFixed(1)} ms, ` +
      `chain only ${chainOnly.wall.toFixed(1)} ms; ratio ${(withTree.wall / chainOnly.wall).toFixed(3)}; ` +
      `tree cost ${(((withTree.wall - chainOnly.wall) / APPEND_BATCH) * 1000).toFixed(1)} µs/entry ` +
      `(this process's CPU: ${withTree.cpu.toFixed(1)} vs ${chainOnly.cpu.toFixed(1)} ms, ratio ${(withTree.cpu / chainOnly.cpu).toFixed(3)})`,
  );
  const big = await open();
  try {
    const ingest = await ingestThroughput(big.db);
    const treeMsPerIncident = ((withTree.wall - chainOnly.wall) / APPEND_BATCH) * ingest.entriesPerIncident;
    const ingestMsPerIncident = ingest.msPerBatch / INGEST_BATCH;
    console.log(
      `${name}: ingest ${INGEST_BATCH} incidents/transaction (${ingest.entriesPerIncident} audit entries each), median of ${INGEST_ROUNDS}: ` +
        `${(INGEST_BATCH / (ingest.msPerBatch / 1000)).toFixed(0)} incidents/s with the tree; ` +
        `the tree's share ≈ ${((treeMsPerIncident / ingestMsPerIncident) * 100).toFixed(1)} % of ingest time`,
    );
    const filled = await fill(big.db, PROOF_ENTRIES, name === 'postgres');
    console.log(
      `${name}: filled to ${filled.size} entries in ${filled.seconds.toFixed(0)} s` +
        (filled.size < PROOF_ENTRIES
          ? ` (stopped after ${FILL_LIMIT_SECONDS} s, short of ${PROOF_ENTRIES})`
          : ''),
    );
    const size = (await readTreeHead(big.db)).size;
    const proofs = await proofTimes(big.db, size);
    console.log(
      `${name}: at ${size} entries, ${PROOFS} proofs each: inclusion median ${median(proofs.inclusion).toFixed(2)} ms ` +
        `(p95 ${p95(proofs.inclusion).toFixed(2)}), consistency median ${median(proofs.consistency).toFixed(2)} ms ` +
        `(p95 ${p95(proofs.consistency).toFixed(2)}); proofs verify: ${proofs.ok}`,
    );
  } finally {
    await big.db.destroy();
    await big.drop();
  }
}

async function postgresReachable(url: string): Promise<boolean> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

await bench('sqlite', scratchSqlite);
const pgUrl = process.env.TRUCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (process.env.TRUCE_BENCH_SKIP_POSTGRES !== '1' && (await postgresReachable(pgUrl)))
  await bench('postgres', scratchPostgres(pgUrl));
else console.log('postgres: skipped');
