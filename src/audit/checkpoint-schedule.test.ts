import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { checkpointMinutes, startCheckpointSchedule } from './checkpoint-schedule.js';
import { checkpointsSince } from './checkpoint-store.js';
import { signerOf } from './keys.js';

const center = signerOf('truce.test/audit', generateKeyPairSync('ed25519').privateKey);
const clock = () => new Date('2026-03-03T09:00:00Z');

describe('the checkpoint period', () => {
  it('reads whole minutes, 0 meaning never, and names the setting otherwise', () => {
    expect(checkpointMinutes({})).toBe(10);
    expect(checkpointMinutes({ TRUCE_CHECKPOINT_MINUTES: '0' })).toBe(0);
    expect(checkpointMinutes({ TRUCE_CHECKPOINT_MINUTES: '60' })).toBe(60);
    for (const bad of ['-5', '1.5', 'soon', '', '100000'])
      expect(() => checkpointMinutes({ TRUCE_CHECKPOINT_MINUTES: bad })).toThrow(/TRUCE_CHECKPOINT_MINUTES/);
  });
});

describeEachDatabase('checkpoints on a schedule', (t) => {
  afterEach(() => vi.useRealTimers());

  it('signs when the log grew since the last tick, and adds nothing while it did not', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const errors: unknown[] = [];
    const schedule = startCheckpointSchedule(t.db, center, {
      minutes: 10,
      clock,
      onError: (e) => errors.push(e),
    });
    await createIncident(t.db, { actor: 'user:x' }, buildIncident({ actor1: null, actor2: null }));
    const all = () => checkpointsSince(t.db, '1970-01-01T00:00:00Z');
    expect(await all()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await vi.waitFor(async () => expect(await all()).toHaveLength(1));
    const first = await all();

    await vi.advanceTimersByTimeAsync(30 * 60_000);
    await schedule.tick();
    expect(await all()).toHaveLength(1);

    await createIncident(t.db, { actor: 'user:x' }, buildIncident({ actor1: null, actor2: null }));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await vi.waitFor(async () => expect(await all()).toHaveLength(2));
    const after = await all();
    expect(after.at(-1)?.size).toBeGreaterThan(first[0]?.size ?? Infinity);
    schedule.stop();
    expect(errors).toEqual([]);
  });
});
