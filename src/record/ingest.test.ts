import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { runIngest } from './ingest-run-store.js';

const fixtures = fileURLToPath(new URL('./fixtures/merge/', import.meta.url));
const worker = fileURLToPath(new URL('./test-support/ingest-worker.ts', import.meta.url));
const options = { published: '2021-03-16', actor: 'user:test' };
const ALL = { kind: 'all' } as const;

/** Which fixture articles ended up sharing an incident, as pairs "a1|a2". */
async function mergedPairs(db: Parameters<typeof runIngest>[0]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .innerJoin('sources as s', 's.id', 'r.source_id')
    .select(['l.incident_id', 's.url'])
    .execute();
  const byIncident = new Map<number, Set<string>>();
  for (const row of rows) {
    const name = /\/([a-e]\d)-[^/]*$/.exec(row.url ?? '')?.[1];
    if (name) byIncident.set(row.incident_id, (byIncident.get(row.incident_id) ?? new Set()).add(name));
  }
  const pairs = new Set<string>();
  for (const names of byIncident.values()) {
    const list = [...names].sort();
    for (let i = 0; i < list.length; i += 1)
      for (let j = i + 1; j < list.length; j += 1) pairs.add(`${list[i]}|${list[j]}`);
  }
  return pairs;
}

describeEachDatabase('ingest and merge', (t) => {
  let server: Server;
  let base = '';
  let page = 'First version of a bulletin: shelling near Martuni on Monday killed one soldier.';
  beforeAll(async () => {
    // The test server is local: allowed explicitly, as an admin would (loopback is refused otherwise).
    process.env.TRUCE_FETCH_ALLOW_HOSTS = '127.0.0.1';
    server = createServer((req, res) => {
      if (new URL(req.url ?? '/', 'http://local').pathname === '/bulletin')
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(page);
      else res.writeHead(404).end('gone');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('merges several outlets reporting one shelling into one incident, and keeps unrelated events apart', async () => {
    const summary = await runIngest(t.db, [fixtures], options);
    expect(summary.counts).toMatchObject({ new: 9, failed: 0 });
    const predicted = await mergedPairs(t.db);
    const gold = new Set(['a1|a2', 'a1|a3', 'a1|a4', 'a2|a3', 'a2|a4', 'a3|a4', 'e1|e2']);
    const truePairs = [...predicted].filter((p) => gold.has(p)).length;
    const precision = predicted.size === 0 ? 1 : truePairs / predicted.size;
    const recall = truePairs / gold.size;
    console.info(
      `merge on fixtures [${t.name}]: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${[...predicted].join(' ')})`,
    );
    expect(predicted).toContain('a1|a2');
    expect(predicted).toContain('a3|a4');
    for (const unrelated of ['b1', 'c1', 'd1'])
      expect([...predicted].some((p) => p.includes(unrelated))).toBe(false);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(6 / 7);
  });

  it('reconciles the casualty figures of the merged shelling without double counting', async () => {
    const { getIncidentDetail } = await import('./incident-detail-store.js');
    const link = await t.db
      .selectFrom('incident_reports as l')
      .innerJoin('reports as r', 'r.id', 'l.report_id')
      .innerJoin('sources as s', 's.id', 'r.source_id')
      .select('l.incident_id')
      .where('s.url', 'like', '%a1-caucasus%')
      .executeTakeFirstOrThrow();
    const detail = await getIncidentDetail(t.db, link.incident_id);
    const killed = detail.casualties.find((c) => c.category === 'killed');
    expect(killed).toMatchObject({ low: 2, best: 2 });
    expect(new Set(detail.reports.map((r) => r.source?.id)).size).toBeGreaterThanOrEqual(4);
    expect(
      detail.reports.some(
        (r) =>
          r.merge.explanation && 'reason' in r.merge.explanation && /joined/.test(r.merge.explanation.reason),
      ),
    ).toBe(true);
  });

  it('keeps quotes as statements with the speaker resolved to an actor, a source and a span', async () => {
    const { countStatements, listStatements } = await import('./statement-store.js');
    const all = await listStatements(t.db, {}, ALL);
    const apology = all.find((s) => s.text.includes('apologise to the families'));
    expect(apology).toBeDefined();
    expect(apology?.actor?.id).toEqual(expect.any(Number));
    expect(apology?.source?.url).toMatch(/a3-regional-monitor/);
    expect(apology?.span).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
    const bySpeaker = await listStatements(t.db, { speaker: apology?.actor?.name ?? '' }, ALL);
    expect(bySpeaker.map((s) => s.id)).toContain(apology?.id);
    expect(await countStatements(t.db, {}, ALL)).toBe(all.length);
    expect(await listStatements(t.db, { from: '2030-01-01' }, ALL)).toEqual([]);
  });

  it('adds nothing when the same folder is ingested again', async () => {
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from audit_entries`.execute(t.db)).rows[0]?.n);
    const before = await count();
    const again = await runIngest(t.db, [fixtures], options);
    expect(again.counts).toMatchObject({ new: 0, duplicate: 9 });
    expect(await count()).toBe(before);
  });

  it('keeps a changed page at the same URL as a new version, and reports a failed URL without stopping', async () => {
    const first = await runIngest(t.db, [`${base}/bulletin?utm_source=feed`, `${base}/missing`], options);
    expect(first.outcomes.map((o) => o.status)).toEqual(['new', 'failed']);
    expect(first.outcomes[1]).toMatchObject({ reason: 'HTTP 404 Not Found' });
    page = 'Corrected bulletin: shelling near Martuni on Monday killed two soldiers.';
    const second = await runIngest(t.db, [`${base}/bulletin`], options);
    expect(second.outcomes[0]?.status).toBe('version');
    const versions = await t.db
      .selectFrom('sources')
      .select(['version', 'previous_version_id'])
      .where('canonical_url', '=', `${base}/bulletin`)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('stores one source when two processes ingest the same document at once', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'truce-race-')), 'race.txt');
    writeFileSync(
      file,
      'Two soldiers were wounded by sniper fire near Askeran on Monday, officials said. The ceasefire holds elsewhere.',
    );
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', worker, t.config.url, file], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
      });
    const results = (await Promise.all([run(), run(), run()])).map(
      (r) => JSON.parse(r) as { new: number; duplicate: number; failed: number },
    );
    expect(results.reduce((n, r) => n + r.new, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.duplicate, 0)).toBe(2);
    const sources = await t.db.selectFrom('sources').select('id').where('url', 'like', '%race.txt').execute();
    expect(sources).toHaveLength(1);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
