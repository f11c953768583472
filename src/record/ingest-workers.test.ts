import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/dialect.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { takeMergeLocks } from './ingest-store.js';
import { enqueueIngest, pendingIngestJobs } from './ingest-worker.js';
import type { Claim } from './merge-features.js';
import { mergeLocks } from './merge-locks.js';
import { generateCorpus } from './test-support/article-corpus.js';

const CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

/** Waits until `done` holds, checking every 250 ms; gives up after three minutes (no duration is asserted). */
async function eventually(done: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 720; tries += 1) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('condition not reached within three minutes');
}

const claimAt = (lat: number, lon: number, day: string): Claim => ({
  kind: 'shelling',
  dateStart: day,
  dateEnd: day,
  place: { id: null, lat, lon, precision: 'exact', ancestors: [] },
  parties: [],
  killed: null,
});

describeEachDatabase('ingest workers on the job queue', (t) => {
  const work = mkdtempSync(join(tmpdir(), 'truce-ingest-workers-'));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve))),
      ),
    );
    rmSync(work, { recursive: true, force: true });
  });

  it.runIf(t.name === 'postgres')(
    'two worker processes ingest a folder queued twice: every article once, every event one incident',
    async () => {
      // 24 events in 24 places, each told by 4 outlets; the queue holds every event's first
      // report, then every second one…, so one event's reports reach both workers.
      const corpus = generateCorpus({
        articles: 96,
        distinctPlaces: true,
        kinds: ['shelling', 'drone', 'sniper'],
        tellers: 4,
        order: 'round-robin',
        eventsPerDay: 6,
      });
      const folder = join(work, 'articles');
      mkdirSync(folder);
      for (const a of corpus.articles) writeFileSync(join(folder, a.file), a.html);
      const url = t.config.kind === 'postgres' ? t.config.url : '';
      const runtime: Runtime = {
        config: loadConfig({ db: url, logLevel: 'silent' }, {}),
        db: t.db,
        log: createLogger('silent'),
        close: async () => undefined,
      };
      for (let copy = 0; copy < 2; copy += 1)
        expect(await enqueueIngest(runtime, [folder], { published: null, actor: 'system:test' })).toBe(96);
      const taken = [0, 0];
      for (let n = 0; n < 2; n += 1) {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', CLI, '--db', url, '--log-level', 'debug', 'worker', '--queues', 'ingest'],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let rest = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) {
            if (line.includes('"message":"ingested"')) taken[n] = (taken[n] ?? 0) + 1;
            else if (line.includes('"level":"warn"') || line.includes('"level":"error"'))
              process.stderr.write(`${line}\n`);
          }
        });
        children.push(child);
      }
      await eventually(async () => (await pendingIngestJobs(runtime)) === 0);

      const sources = await t.db.selectFrom('sources').select(['id', 'url']).execute();
      expect(sources).toHaveLength(96);
      expect(new Set(sources.map((s) => s.url)).size).toBe(96);
      const links = await t.db
        .selectFrom('incident_reports as l')
        .innerJoin('reports as r', 'r.id', 'l.report_id')
        .innerJoin('sources as s', 's.id', 'r.source_id')
        .select(['l.incident_id', 's.url'])
        .where('r.kind', '=', 'event')
        .execute();
      const eventOfFile = new Map(corpus.articles.map((a) => [a.file, a.event]));
      const incidentsOfEvent = new Map<number, Set<number>>();
      for (const link of links) {
        const event = eventOfFile.get(link.url?.split('/').pop() ?? '');
        expect(event).toBeDefined();
        const set = incidentsOfEvent.get(event as number) ?? new Set<number>();
        incidentsOfEvent.set(event as number, set.add(link.incident_id));
      }
      expect(incidentsOfEvent.size).toBe(24);
      for (const [event, incidents] of incidentsOfEvent)
        expect({ event, incidents: incidents.size }).toEqual({ event, incidents: 1 });
      const incidents = await sql<{ n: string }>`select count(*) as n from incidents`.execute(t.db);
      expect(Number(incidents.rows[0]?.n)).toBe(24);
      // Both workers took part: 192 jobs, 96 stored and 96 found already captured.
      expect(taken[0]).toBeGreaterThan(0);
      expect(taken[1]).toBeGreaterThan(0);
      expect((taken[0] ?? 0) + (taken[1] ?? 0)).toBe(192);
      expect((await verifyAudit(t.db)).ok).toBe(true);
    },
  );

  it.runIf(t.name === 'postgres')(
    'makes a second transaction wait for the merge locks of a report of the same event, not of a far one',
    async () => {
      const other = openDatabase(t.config);
      const first = await t.db.startTransaction().execute();
      try {
        await takeMergeLocks(first, mergeLocks([claimAt(39.79, 47.11, '2021-03-15')]));
        const tryLocks = async (claim: Claim) => {
          const second = await other.startTransaction().execute();
          try {
            await sql`set local lock_timeout = '300ms'`.execute(second);
            await takeMergeLocks(second, mergeLocks([claim]));
            return 'taken';
          } catch (error) {
            return error instanceof Error ? error.message : String(error);
          } finally {
            await second.rollback().execute();
          }
        };
        expect(await tryLocks(claimAt(39.8, 47.12, '2021-03-16'))).toMatch(/lock timeout/);
        expect(await tryLocks(claimAt(48.0, 37.8, '2021-03-15'))).toBe('taken');
      } finally {
        await first.rollback().execute();
        await other.destroy();
      }
    },
  );

  it('refuses to queue on SQLite, where one process ingests', async () => {
    if (t.name !== 'sqlite') return;
    const runtime: Runtime = {
      config: loadConfig({ db: 'sqlite::memory:', logLevel: 'silent' }, {}),
      db: t.db,
      log: createLogger('silent'),
      close: async () => undefined,
    };
    await expect(enqueueIngest(runtime, [work], { published: null, actor: 'system:test' })).rejects.toThrow(
      /needs PostgreSQL/,
    );
  });
});
