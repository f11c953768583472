import { sql } from 'kysely';
import type { Db } from '../../platform/db/dialect.js';
import { TruceError } from '../../platform/errors.js';

/**
 * A fixed-window rate limiter kept in the database (`rate_limits`), so every API process in
 * front of one PostgreSQL (or one SQLite file) counts against the same limit. One upsert per
 * attempt; windows that have ended are swept now and then.
 */
export interface RateLimiter {
  /** Counts one attempt for `key`; throws `rate_limited` (HTTP 429, Retry-After) past the limit. */
  take(key: string, now: Date): Promise<void>;
  reset(key: string): Promise<void>;
}

const SWEEP_EVERY = 200;

/**
 * @example
 *   const logins = createRateLimiter(db, { name: 'login', limit: 5, windowMs: 15 * 60_000, message: 'too many sign-in attempts' });
 *   await logins.take(`${address}|${username}`, new Date());
 */
export function createRateLimiter(
  db: Db,
  options: { name: string; limit: number; windowMs: number; message: string; field?: string },
): RateLimiter {
  let calls = 0;
  const full = (key: string) => `${options.name}|${key}`;
  return {
    async take(key, now) {
      const at = now.toISOString();
      const ends = new Date(now.getTime() + options.windowMs).toISOString();
      if (++calls % SWEEP_EVERY === 0)
        await db.deleteFrom('rate_limits').where('window_ends_at', '<=', at).execute();
      const fresh = sql<boolean>`rate_limits.window_ends_at <= ${at}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key: full(key), window_ends_at: ends, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when ${fresh} then 1 else rate_limits.count + 1 end`,
            window_ends_at: sql<string>`case when ${fresh} then ${ends} else rate_limits.window_ends_at end`,
          }),
        )
        .returning(['count', 'window_ends_at'])
        .executeTakeFirstOrThrow();
      if (Number(row.count) <= options.limit) return;
      const retryAfter = Math.max(1, Math.ceil((Date.parse(row.window_ends_at) - now.getTime()) / 1000));
      throw new TruceError('rate_limited', `${options.message}; try again in ${retryAfter} s`, {
        ...(options.field ? { field: options.field } : {}),
        rule: 'rate_limited',
        retryAfterSeconds: retryAfter,
      });
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', full(key)).execute();
    },
  };
}
