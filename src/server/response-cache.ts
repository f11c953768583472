import type { Context } from 'hono';
import type { Db } from '../platform/db/dialect.js';

/**
 * A read shared by the callers that arrive while it waits to start, never by those that came
 * after it started: each caller gets a value read after it asked, so a write it has seen
 * committed (through any process) is in it; concurrent callers cost one read, not one each.
 *
 * @example const head = freshRead(() => readHead(db)); await Promise.all([head(), head()]) // one read
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const reading = read().finally(() => {
      if (inFlight === reading) inFlight = null;
    });
    inFlight = reading;
    return reading;
  };
  const settled = () => undefined;
  return () => {
    if (!inFlight) return start();
    // The read in flight may have begun before this caller's write committed: wait for the next.
    queued ??= inFlight.then(settled, settled).then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}

/**
 * Caches read-only answers until the record changes: every change moves the audit head, so the
 * head's sequence number is part of the key and a write invalidates everything at once. The head
 * is read from the database, so a write through any process on it invalidates this one's answers
 * (docs/architecture.md, "Several processes on PostgreSQL"). Bounded.
 */
export function createResponseCache(db: Db, maxEntries = 500) {
  const entries = new Map<string, Promise<unknown>>();
  let headSeq = -1;
  // One primary-key read per request, shared by requests arriving together: a write is visible
  // to the very next read.
  const readHead = freshRead(async () => {
    const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    return Number(head?.seq ?? 0);
  });
  const currentHead = async () => {
    const seq = await readHead();
    if (seq !== headSeq) entries.clear();
    headSeq = seq;
    return seq;
  };
  // The promise is cached, not the value: concurrent identical requests share one computation
  // instead of all missing at once; a failed computation is forgotten.
  return async function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const seq = await currentHead();
    const full = `${seq}|${key}`;
    const hit = entries.get(full);
    if (hit) return hit as Promise<T>;
    const pending = compute();
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value ?? '');
    entries.set(full, pending);
    pending.catch(() => entries.delete(full));
    return pending;
  };
}

/** Answers with JSON cached as text, so a hit costs no serialisation. */
export async function cachedJson(
  c: Context,
  cache: ReturnType<typeof createResponseCache>,
  key: string,
  compute: () => Promise<unknown>,
): Promise<Response> {
  const text = await cache(key, async () => JSON.stringify(await compute()));
  return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
}
