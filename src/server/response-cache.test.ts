import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { audited } from '../audit/audit-store.js';
import { openDatabase } from '../platform/db/dialect.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { insertIncident } from '../record/incident-store.js';
import { IncidentInput } from '../record/schemas.js';
import { createResponseCache, freshRead } from './response-cache.js';

describe('a fresh read', () => {
  it('is shared by callers arriving together, and never given to a caller that came after it started', async () => {
    const reads: ((value: number) => void)[] = [];
    const read = freshRead(() => new Promise<number>((resolve) => reads.push(resolve)));
    const first = read();
    const [second, third] = [read(), read()]; // arrive while the first read is in flight
    expect(reads).toHaveLength(1);
    reads[0]?.(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(reads).toHaveLength(2); // one more read for both late callers
    reads[1]?.(2);
    expect([await second, await third]).toEqual([2, 2]);
  });

  it('passes a failed read to its callers, and the next caller reads again', async () => {
    let calls = 0;
    const read = freshRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return calls;
    });
    await expect(read()).rejects.toThrow('connection lost');
    expect(await read()).toBe(2);
  });
});

/** Counts the statements a connection runs. */
const counting = () => {
  const seen: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      seen.push(args.node.kind);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { seen, plugin };
};

describeEachDatabase('the response cache', (t) => {
  const incident = (title: string) =>
    IncidentInput.parse({ kind: 'shelling', title, dateStart: '2020-11-12', dateEnd: '2020-11-12' });

  it('answers concurrent identical requests with one computation and at most two reads of the head', async () => {
    const { seen, plugin } = counting();
    const cache = createResponseCache(t.db.withPlugin(plugin));
    let computed = 0;
    const compute = async () => ++computed;
    const answers = await Promise.all(Array.from({ length: 32 }, () => cache('list', compute)));
    expect(new Set(answers)).toEqual(new Set([1]));
    expect(computed).toBe(1);
    expect(seen.length).toBeLessThanOrEqual(2);
  });

  it('computes again after a write through another connection, as from another process', async () => {
    const other = openDatabase(t.config);
    try {
      const cache = createResponseCache(t.db);
      let computed = 0;
      const compute = async () => ++computed;
      expect(await cache('list', compute)).toBe(1);
      expect(await cache('list', compute)).toBe(1);
      await audited(other, { actor: 'test:other-process' }, (w) =>
        insertIncident(w, incident('Written elsewhere')),
      );
      expect(await cache('list', compute)).toBe(2);
    } finally {
      await other.destroy();
    }
  });
});
