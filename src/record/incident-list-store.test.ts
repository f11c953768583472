import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from './incident-store.js';
import { listIncidents, type IncidentListPage } from './incident-list-store.js';
import type { Incident } from './schemas.js';
import { buildIncident } from './test-support/builders.js';

const ctx = { actor: 'user:test' };

/**
 * The order the list promises, written out here on its own: dated incidents by start date (ties
 * by number), in the direction asked, then the undated ones by number the same way.
 */
function expectedOrder(all: readonly Incident[], direction: 'asc' | 'desc'): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  const dated = all.filter((i) => i.dateStart !== null);
  const undated = all.filter((i) => i.dateStart === null);
  dated.sort((a, b) => sign * ((a.dateStart as string).localeCompare(b.dateStart as string) || a.id - b.id));
  undated.sort((a, b) => sign * (a.id - b.id));
  return [...dated, ...undated].map((i) => i.id);
}

describeEachDatabase('incident list by keyset', (t) => {
  let all: Incident[] = [];

  beforeAll(async () => {
    // 23 incidents over 6 days, several on one day (ties broken by number), 4 of them undated.
    for (let n = 0; n < 23; n += 1) {
      const day = `2021-03-${String(10 + (n % 6)).padStart(2, '0')}`;
      await createIncident(t.db, ctx, buildIncident({ dateStart: day, dateEnd: day }));
    }
    const ids = (await t.db.selectFrom('incidents').select('id').orderBy('id').execute()).map((r) => r.id);
    await t.db
      .updateTable('incidents')
      .set({ date_start: null, date_end: null })
      .where('id', 'in', [ids[2], ids[7], ids[8], ids[20]] as number[])
      .execute();
    all = [...(await listIncidents(t.db, { limit: 500 })).items];
  });

  /** Every page from the first, following nextCursor. */
  async function forwards(sort: 'newest' | 'oldest' | 'updated', limit: number): Promise<IncidentListPage[]> {
    const pages: IncidentListPage[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await listIncidents(t.db, { sort, limit, ...(after ? { after } : {}) });
      pages.push(page);
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    return pages;
  }

  it('pages through every incident once, in the promised order, with positions', async () => {
    expect(all).toHaveLength(23);
    for (const [sort, direction] of [
      ['newest', 'desc'],
      ['oldest', 'asc'],
    ] as const) {
      const pages = await forwards(sort, 5);
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expectedOrder(all, direction));
      expect(pages.map((p) => p.offset)).toEqual([0, 5, 10, 15, 20]);
      expect(pages.map((p) => p.total)).toEqual([23, 23, 23, 23, 23]);
      expect(pages[0]?.prevCursor).toBeNull();
      expect(pages.at(-1)?.nextCursor).toBeNull();
    }
    const byUpdate = await forwards('updated', 4);
    expect(new Set(byUpdate.flatMap((p) => p.items.map((i) => i.id))).size).toBe(23);
  });

  it('reads the same pages backwards from prevCursor, and by offset for the first pages', async () => {
    const pages = await forwards('newest', 5);
    for (let k = pages.length - 1; k > 0; k -= 1) {
      const before = pages[k]?.prevCursor as string;
      const back = await listIncidents(t.db, { limit: 5, before });
      expect(back.items.map((i) => i.id)).toEqual(pages[k - 1]?.items.map((i) => i.id));
      expect(back.offset).toBe(pages[k - 1]?.offset);
      expect(back.nextCursor).not.toBeNull();
      expect(back.prevCursor === null).toBe(k === 1);
      const byOffset = await listIncidents(t.db, { limit: 5, offset: 5 * (k - 1) });
      expect(byOffset.items.map((i) => i.id)).toEqual(back.items.map((i) => i.id));
    }
    // An offset landing among the undated ones skips the dated run whole.
    const deep = await listIncidents(t.db, { limit: 3, offset: 20 });
    expect(deep.items.map((i) => i.id)).toEqual(expectedOrder(all, 'desc').slice(20));
  });

  it('counts up to its cap and says when more match', async () => {
    const capped = await listIncidents(t.db, { limit: 2 }, { kind: 'all' }, { countCap: 10 });
    expect(capped).toMatchObject({ total: 10, totalCapped: true });
    const exact = await listIncidents(t.db, { limit: 2 }, { kind: 'all' }, { countCap: 23 });
    expect(exact).toMatchObject({ total: 23, totalCapped: false });
  });

  it('refuses a cursor of another order, a forged cursor, both directions at once, and a deep offset', async () => {
    const [first] = await forwards('newest', 5);
    const after = first?.nextCursor as string;
    await expect(listIncidents(t.db, { sort: 'oldest', after })).rejects.toThrow(
      /after: was made for the order/,
    );
    await expect(listIncidents(t.db, { after: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(
      /after: is not a cursor/,
    );
    await expect(listIncidents(t.db, { after, before: after })).rejects.toThrow(
      /before: cannot go with after/,
    );
    await expect(listIncidents(t.db, { after, offset: 5 })).rejects.toThrow(
      /offset: cannot go with a cursor/,
    );
    await expect(listIncidents(t.db, { offset: 10_001 })).rejects.toThrow(/offset: must be at most 10000/);
  });
});
