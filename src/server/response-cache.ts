import type { Context } from 'hono';
import type { Db } from '../platform/db/dialect.js';

/**
 * Caches read-only answers until the record changes: every change moves the audit head, so the
 * head's sequence number is part of the key and a write invalidates everything at once. Bounded.
 */
export function createResponseCache(db: Db, maxEntries = 500) {
  const entries = new Map<string, Promise<unknown>>();
  let headSeq = -1;
  // One primary-key read per request: a write is visible to the very next read.
  const currentHead = async () => {
    const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    const seq = Number(head?.seq ?? 0);
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
