/**
 * A fixed-window rate limiter kept in the process's memory (one API process per database in
 * embedded mode; behind a load balancer each process limits on its own, which only loosens the
 * limit by the number of processes). Bounded: old keys are swept as windows pass.
 */
export interface RateLimiter {
  /** Counts one attempt for `key`; true when it is still within the limit. */
  take(key: string, now: number): boolean;
  reset(key: string): void;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    take(key, now) {
      const current = windows.get(key);
      if (!current || now - current.start >= options.windowMs) {
        if (windows.size >= maxKeys) sweep(windows, now, options.windowMs, maxKeys);
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= options.limit;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

function sweep(
  windows: Map<string, { start: number }>,
  now: number,
  windowMs: number,
  maxKeys: number,
): void {
  for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
  // Still full of live windows (a flood of distinct keys): forget them rather than grow.
  if (windows.size >= maxKeys) windows.clear();
}
