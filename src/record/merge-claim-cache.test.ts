import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../platform/config.js';
import { openDatabase, type Db } from '../platform/db/dialect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { ingestDeps } from './ingest-run-store.js';
import { ingestItem } from './ingest-store.js';
import { MergeClaimCache } from './merge-claim-cache.js';
import { generateCorpus } from './test-support/article-corpus.js';

const work = mkdtempSync(join(tmpdir(), 'truce-claim-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function freshDb(name: string): Promise<Db> {
  const db = openDatabase(parseDatabaseUrl(`sqlite:${join(work, `${name}.db`)}`));
  await migrateToLatest(db);
  return db;
}

/** Ingests the articles one by one; each report's incident, as the article file and report order. */
async function ingestAll(db: Db, cache: MergeClaimCache | undefined): Promise<string[]> {
  const corpus = generateCorpus({ articles: 120 });
  const { claimCache: _, ...plain } = ingestDeps(db, 'system:test');
  const deps = cache ? { ...plain, claimCache: cache } : plain;
  for (const a of corpus.articles) {
    const item = {
      label: a.file,
      bytes: new TextEncoder().encode(a.html),
      contentType: 'text/html',
      retrievedAt: '2021-02-01T00:00:00.000Z',
    };
    await ingestItem(deps, item, { published: null });
  }
  const rows = await db
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .select(['l.incident_id', 'r.id'])
    .orderBy('r.id')
    .execute();
  return rows.map((r) => `${r.id}->${r.incident_id}`);
}

it('merges every report into the same incident with the claim cache as without it', async () => {
  const [cached, uncached] = [await freshDb('cached'), await freshDb('uncached')];
  try {
    const cache = new MergeClaimCache();
    const withCache = await ingestAll(cached, cache);
    const without = await ingestAll(uncached, undefined);
    expect(withCache.length).toBeGreaterThan(120);
    // Some reports joined an incident another article opened: the cache was asked and answered.
    expect(new Set(withCache.map((l) => l.split('->')[1])).size).toBeLessThan(withCache.length);
    expect(withCache).toEqual(without);
  } finally {
    await cached.destroy();
    await uncached.destroy();
  }
});

it('folds an incident again once its links are not those it was folded from', () => {
  const cache = new MergeClaimCache();
  cache.rememberFold(7, '1,10,2,11', null);
  expect(cache.fold(7, '1,10,2,11')).toBeNull();
  expect(cache.fold(7, '1,10,2,11,3,12')).toBeUndefined();
  cache.clear();
  expect(cache.fold(7, '1,10,2,11')).toBeUndefined();
});
