/**
 * A fixed-window request counter per key, kept in this process's memory: each key may pass `limit`
 * times per window; past that the answer is how many seconds until its window ends (Retry-After).
 * At most `maxKeys` keys are kept: when full, keys whose window has ended are dropped, and if none
 * has, the oldest window goes first, so a flood of new keys cannot grow memory without bound.
 */
export interface RateLimiter {
  /** Counts a request of `key` at `nowMs`: null when it may pass, else the seconds to wait. */
  hit(key: string, nowMs: number): number | null;
}

export function createRateLimiter(opts: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const maxKeys = opts.maxKeys ?? 50_000;
  const windows = new Map<string, { start: number; count: number }>();
  const prune = (nowMs: number) => {
    for (const [k, w] of windows) if (nowMs - w.start >= opts.windowMs) windows.delete(k);
    // Map iteration is in insertion order: the first key has the oldest window.
    while (windows.size >= maxKeys) {
      const oldest = windows.keys().next();
      if (oldest.done) break;
      windows.delete(oldest.value);
    }
  };
  return {
    hit(key, nowMs) {
      let w = windows.get(key);
      if (w && nowMs - w.start >= opts.windowMs) {
        windows.delete(key);
        w = undefined;
      }
      if (!w) {
        if (windows.size >= maxKeys) prune(nowMs);
        windows.set(key, { start: nowMs, count: 1 });
        return null;
      }
      if (w.count < opts.limit) {
        w.count += 1;
        return null;
      }
      return Math.max(1, Math.ceil((w.start + opts.windowMs - nowMs) / 1000));
    },
  };
}
