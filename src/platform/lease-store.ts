import { randomUUID } from 'node:crypto';
import type { Db } from './db/dialect.js';

/**
 * A named lock in the database (`leases`, migration 0016), so that of every process on one
 * PostgreSQL (or one SQLite file) exactly one does a piece of work at a time. A lease ends when
 * its holder releases it or when `expires_at` passes, so a holder that dies frees it.
 */
export interface Lease {
  readonly name: string;
  /** Who asks, e.g. `server:1234`; a random suffix makes each acquisition its own holder. */
  readonly holder: string;
  readonly ttlMs: number;
  readonly clock: () => Date;
}

export type LeaseOutcome<T> =
  { readonly kind: 'done'; readonly value: T } | { readonly kind: 'held'; readonly by: string };

/**
 * Takes the lease if nobody holds it (or its holder's time ran out): one upsert, atomic on both
 * databases. Returns whether `holder` now holds it.
 *
 * @example if (await acquireLease(db, { name: 'feed:7', holder: 'server:1#ab12', ttlMs: 60_000, clock })) …
 */
export async function acquireLease(db: Db, lease: Lease): Promise<boolean> {
  const now = lease.clock();
  const expires = new Date(now.getTime() + lease.ttlMs).toISOString();
  const row = await db
    .insertInto('leases')
    .values({ name: lease.name, holder: lease.holder, expires_at: expires })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder: lease.holder, expires_at: expires })
        .where((eb) =>
          eb.or([eb('leases.expires_at', '<=', now.toISOString()), eb('leases.holder', '=', lease.holder)]),
        ),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === lease.holder;
}

/** Gives the lease up, if `holder` still holds it. */
export async function releaseLease(db: Db, lease: Pick<Lease, 'name' | 'holder'>): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', lease.name).where('holder', '=', lease.holder).execute();
}

/** Who holds the lease now, or null. */
export async function leaseHolder(db: Db, name: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('leases')
    .select('holder')
    .where('name', '=', name)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.holder ?? null;
}

/**
 * Runs `work` holding the lease, renewing it every third of its time while the work runs, and
 * releases it after; when another holder has it, does nothing and says who.
 *
 * @example
 *   const outcome = await withLease(db, { name: `feed:${id}`, holder: 'server:1234', ttlMs: 300_000, clock }, () => poll())
 *   if (outcome.kind === 'held') log.info('polled elsewhere', { by: outcome.by })
 */
export async function withLease<T>(db: Db, lease: Lease, work: () => Promise<T>): Promise<LeaseOutcome<T>> {
  const mine = { ...lease, holder: `${lease.holder}#${randomUUID().slice(0, 8)}` };
  if (!(await acquireLease(db, mine)))
    return { kind: 'held', by: (await leaseHolder(db, lease.name, lease.clock())) ?? 'unknown' };
  // A renewal that fails (the database gone for a moment) leaves the lease to expire on time.
  const renew = setInterval(() => void acquireLease(db, mine).catch(() => false), lease.ttlMs / 3);
  renew.unref();
  try {
    return { kind: 'done', value: await work() };
  } finally {
    clearInterval(renew);
    // A release that fails leaves the lease to expire; it must not hide what the work did.
    await releaseLease(db, mine).catch(() => undefined);
  }
}
