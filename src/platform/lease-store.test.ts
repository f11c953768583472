import { expect, it } from 'vitest';
import { openDatabase } from './db/dialect.js';
import { describeEachDatabase } from './db/test-support/databases.js';
import { acquireLease, leaseHolder, releaseLease, withLease } from './lease-store.js';

describeEachDatabase('leases shared by every process on the database', (t) => {
  let now = new Date('2026-12-01T10:00:00Z');
  const clock = () => now;
  const lease = (name: string, holder: string) => ({ name, holder, ttlMs: 60_000, clock });

  it('is held by one holder at a time, taken again by the same holder, and freed on release', async () => {
    expect(await acquireLease(t.db, lease('one', 'a'))).toBe(true);
    expect(await acquireLease(t.db, lease('one', 'b'))).toBe(false);
    expect(await acquireLease(t.db, lease('one', 'a'))).toBe(true);
    expect(await leaseHolder(t.db, 'one', now)).toBe('a');
    await releaseLease(t.db, lease('one', 'b')); // not b's to release
    expect(await leaseHolder(t.db, 'one', now)).toBe('a');
    await releaseLease(t.db, lease('one', 'a'));
    expect(await acquireLease(t.db, lease('one', 'b'))).toBe(true);
  });

  it('is free once its time has run out, as when its holder died', async () => {
    expect(await acquireLease(t.db, lease('dead', 'gone'))).toBe(true);
    now = new Date(now.getTime() + 59_999);
    expect(await acquireLease(t.db, lease('dead', 'alive'))).toBe(false);
    now = new Date(now.getTime() + 1);
    expect(await acquireLease(t.db, lease('dead', 'alive'))).toBe(true);
  });

  it('runs the work of exactly one of two connections asking at once, and says who holds it', async () => {
    const other = openDatabase(t.config);
    try {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let runs = 0;
      const work = async () => {
        runs += 1;
        await gate;
        return 'polled';
      };
      const first = withLease(t.db, lease('once', 'server:1'), work);
      const second = withLease(other, lease('once', 'server:2'), work);
      const [a, b] = await Promise.all([
        first,
        second.then((outcome) => {
          release();
          return outcome;
        }),
      ]);
      expect(runs).toBe(1);
      expect([a.kind, b.kind].sort()).toEqual(['done', 'held']);
      const held = [a, b].find((o) => o.kind === 'held');
      expect(held).toMatchObject({ by: expect.stringMatching(/^server:[12]#/) });
      expect(await leaseHolder(t.db, 'once', now)).toBeNull();
    } finally {
      await other.destroy();
    }
  });

  it('is released when the work fails', async () => {
    await expect(
      withLease(t.db, lease('fails', 'w'), () => Promise.reject(new Error('feed down'))),
    ).rejects.toThrow('feed down');
    expect(await leaseHolder(t.db, 'fails', now)).toBeNull();
  });
});
