import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { getIncidentDetail } from './incident-detail-store.js';
import { createIncident, getIncident } from './incident-store.js';
import { runIngest } from './ingest-run-store.js';
import { reviewMany } from './review-bulk-store.js';
import { listReviewQueue, type ReviewQueueQuery } from './review-queue-store.js';
import { reviewIncident } from './review-store.js';
import type { ReviewQueueSort } from './review-queue.js';
import type { ParsedIncidentQuery } from './schemas.js';
import { buildIncident } from './test-support/builders.js';
import { addUser, type User } from './user-store.js';

// Two outlets in our own words, suggested as a possible duplicate pair when ingested.
const fixtures = fileURLToPath(new URL('./fixtures/duplicates/', import.meta.url));
const PAIR = ['p1-mine-village.txt', 'p2-clash-region.txt'].map((f) => `${fixtures}${f}`);

const noFilters: ParsedIncidentQuery = { sort: 'newest', limit: 50, offset: 0 };

describeEachDatabase('the review queue and bulk review', (t) => {
  let analyst: User;
  const made: number[] = [];
  beforeAll(async () => {
    analyst = await addUser(t.db, { actor: 'test:setup' }, { username: 'amira', role: 'analyst' });
    const summary = await runIngest(t.db, PAIR, { published: '2021-03-16', actor: 'user:test' });
    expect(summary.counts).toMatchObject({ new: 2, failed: 0 });
    for (const [i, day] of ['2020-11-03', '2020-11-01', null, '2020-11-02', '2020-11-05'].entries()) {
      const dates =
        day === null
          ? { dateStart: null, dateEnd: null, datePrecision: 'unknown' as const }
          : { dateStart: day, dateEnd: day };
      const incident = await createIncident(
        t.db,
        { actor: 'test' },
        buildIncident({ title: `Queued ${i}`, ...dates }),
      );
      made.push(incident.id);
    }
    const confirmed = await createIncident(t.db, { actor: 'test' }, buildIncident({ status: 'confirmed' }));
    made.push(confirmed.id);
  });

  const read = async (sort: ReviewQueueSort, order: 'asc' | 'desc', limit: number, filters = noFilters) => {
    const query: ReviewQueueQuery = { filters, sort, order, limit, role: 'analyst' };
    const pages = [await listReviewQueue(t.db, query)];
    for (let cursor = pages[0]?.nextCursor; cursor; cursor = pages.at(-1)?.nextCursor)
      pages.push(await listReviewQueue(t.db, { ...query, cursor }));
    return pages;
  };

  it('pages by cursor through every candidate once, with the total, and leaves other statuses out', async () => {
    const pages = await read('arrival', 'asc', 2);
    const ids = pages.flatMap((p) => p.items.map((c) => c.incident.id));
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(7);
    expect(ids).not.toContain(made.at(-1));
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('sorts by event date, newest first or oldest first, the undated incident last either way', async () => {
    const titles = async (order: 'asc' | 'desc') =>
      (await read('date', order, 3))
        .flatMap((p) => p.items.map((c) => c.incident.title))
        .filter((s) => s.startsWith('Queued'));
    expect(await titles('desc')).toEqual(['Queued 4', 'Queued 0', 'Queued 3', 'Queued 1', 'Queued 2']);
    expect(await titles('asc')).toEqual(['Queued 1', 'Queued 3', 'Queued 0', 'Queued 4', 'Queued 2']);
  });

  it('sorts by duplicate score: the suggested pair first, each card naming the other incident', async () => {
    const [first] = await read('score', 'desc', 1);
    const pair = first?.items ?? [];
    expect(pair).toHaveLength(1);
    const card = pair[0];
    expect(card?.score).toBeGreaterThan(0.4);
    expect(card?.suggestions).toHaveLength(1);
    expect(card?.suggestions[0]?.reason).toMatch(/possible duplicate/);
    expect(card?.suggestions[0]?.incident.id).not.toBe(card?.incident.id);
    const all = (await read('score', 'desc', 3)).flatMap((p) => p.items);
    expect(all.map((c) => c.score !== null)).toEqual([true, true, false, false, false, false, false]);
  });

  it('shows each card its report text around the evidence, with the source', async () => {
    const [page] = await read('score', 'desc', 1);
    const report = page?.items[0]?.reports[0];
    expect(report?.source?.published).toMatch(/^2021-03-16/);
    const excerpt = report?.excerpt;
    const span = report?.spans[0];
    expect(excerpt && span).toBeTruthy();
    if (!excerpt || !span) return;
    expect(excerpt.start).toBeLessThanOrEqual(span.start);
    expect(excerpt.end).toBeGreaterThanOrEqual(span.end);
    const source = await t.db
      .selectFrom('sources')
      .select('clean_text')
      .where('id', '=', report.source?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(excerpt.text).toBe(source.clean_text.slice(excerpt.start, excerpt.end));
    expect(page?.items[0]?.actions).toEqual(['review', 'merge']);
  });

  it('filters the queue with the incident filters', async () => {
    const filters = { ...noFilters, from: '2020-11-02', to: '2020-11-03' };
    const titles = (await read('arrival', 'asc', 10, filters)).flatMap((p) =>
      p.items.map((c) => c.incident.title),
    );
    expect(titles).toEqual(['Queued 0', 'Queued 3']);
    const confirmed = await read('arrival', 'asc', 10, { ...noFilters, status: ['confirmed'] });
    expect(confirmed[0]?.items.map((c) => c.incident.id)).toEqual([made.at(-1)]);
  });

  it('refuses a cursor made for another order, and one it never gave', async () => {
    const [page] = await read('arrival', 'asc', 2);
    const cursor = page?.nextCursor ?? '';
    const query: ReviewQueueQuery = {
      filters: noFilters,
      sort: 'date',
      order: 'desc',
      limit: 2,
      role: 'analyst',
      cursor,
    };
    await expect(listReviewQueue(t.db, query)).rejects.toMatchObject({
      code: 'invalid',
      details: { field: 'cursor' },
    });
    await expect(listReviewQueue(t.db, { ...query, cursor: 'bm9wZQ' })).rejects.toMatchObject({
      details: { field: 'cursor' },
    });
  });

  it('rejects many with one reason, each audited, a stale or unknown item reported without stopping the others', async () => {
    const [a, b, c] = made;
    if (a === undefined || b === undefined || c === undefined) throw new Error('scene');
    await reviewIncident(t.db, analyst, { id: c, status: 'under_review', reason: 'someone took it' });
    const outcomes = await reviewMany(t.db, analyst, {
      action: 'reject',
      reason: 'outside the area',
      items: [{ id: a, baseVersion: 1 }, { id: 987654 }, { id: c, baseVersion: 1 }, { id: b }],
    });
    expect(outcomes.map((o) => [o.id, o.ok ? 'ok' : o.error.code])).toEqual([
      [a, 'ok'],
      [987654, 'not_found'],
      [c, 'conflict'],
      [b, 'ok'],
    ]);
    expect((await getIncident(t.db, a)).status).toBe('rejected');
    expect((await getIncident(t.db, c)).status).toBe('under_review');
    expect((await getIncidentDetail(t.db, b)).history.at(-1)).toMatchObject({
      action: 'status:rejected',
      reason: 'outside the area',
    });
    const started = await reviewMany(t.db, analyst, {
      action: 'start_review',
      reason: 'second look',
      items: [{ id: a }],
    });
    expect(started).toEqual([{ id: a, ok: true, status: 'under_review', version: 3 }]);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
