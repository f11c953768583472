import type { Db } from '../platform/db/dialect.js';
import { invalid } from '../platform/errors.js';
import { signCheckpoint, type StoredCheckpoint } from './checkpoint-store.js';
import type { Signer } from './keys.js';

/** How often a running server signs the tree when the log has changed (`TRUCE_CHECKPOINT_MINUTES`). */
export const DEFAULT_CHECKPOINT_MINUTES = 10;

/**
 * The schedule's period in minutes: a whole number from 0 (never) to 1,440 (once a day).
 *
 * @example checkpointMinutes({ TRUCE_CHECKPOINT_MINUTES: '30' }) // 30
 */
export function checkpointMinutes(env: NodeJS.ProcessEnv): number {
  const input = env.TRUCE_CHECKPOINT_MINUTES ?? String(DEFAULT_CHECKPOINT_MINUTES);
  const minutes = Number(input);
  if (!/^\d{1,4}$/.test(input.trim()) || !Number.isInteger(minutes) || minutes > 1440)
    throw invalid(
      'TRUCE_CHECKPOINT_MINUTES',
      `must be a whole number of minutes from 0 to 1440; got "${input}"`,
    );
  return minutes;
}

export interface CheckpointSchedule {
  /** Signs now (what each tick does): a new checkpoint only when the tree grew since the last one. */
  tick(): Promise<StoredCheckpoint | null>;
  stop(): void;
}

/**
 * Signs a checkpoint every `minutes` while the server runs, so witnesses always find a recent one.
 * Signing an unchanged tree stores nothing new (see `signCheckpoint`); a failed signing is
 * reported through `onError` and the next tick tries again.
 */
export function startCheckpointSchedule(
  db: Db,
  signer: Signer,
  options: { minutes: number; clock: () => Date; onError: (error: unknown) => void },
): CheckpointSchedule {
  let running: Promise<StoredCheckpoint | null> | null = null;
  const tick = (): Promise<StoredCheckpoint | null> => {
    running ??= signCheckpoint(db, signer, options.clock)
      .catch((error: unknown) => {
        options.onError(error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = options.minutes > 0 ? setInterval(() => void tick(), options.minutes * 60_000) : null;
  timer?.unref();
  return {
    tick,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
