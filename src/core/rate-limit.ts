/**
 * Per-user token buckets: a burst of `capacity` commands, then `refillPerSecond`. Memory is bounded:
 * buckets that are full again are forgotten, and at most `maxKeys` are kept.
 */
export interface RateLimiter {
  /** Take one token for `key`; returns 0 when allowed, else the milliseconds until one is free. */
  take(key: string, now?: number): number;
}

export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly maxKeys?: number;
}

/**
 * The defaults, with reasons. Every command: a burst of 10, then 2/s - more than any person types,
 * less than a script. Heavy commands (fetch + analyse): a burst of 4, then one every 5 s.
 */
export const RATE_LIMITS = {
  any: { capacity: 10, refillPerSecond: 2 },
  heavy: { capacity: 4, refillPerSecond: 0.2 },
} as const satisfies Record<string, RateLimitOptions>;

export function createRateLimiter({ capacity, refillPerSecond, maxKeys = 10_000 }: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now = Date.now()) {
      const b = buckets.get(key) ?? { tokens: capacity, at: now };
      const tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return Math.ceil(((1 - tokens) / refillPerSecond) * 1000);
      }
      buckets.delete(key);
      if (tokens - 1 < capacity) buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > maxKeys) {
        for (const [k, v] of buckets) {
          if (v.tokens + ((now - v.at) / 1000) * refillPerSecond >= capacity || buckets.size > maxKeys) buckets.delete(k);
          if (buckets.size <= maxKeys) break;
        }
      }
      return 0;
    },
  };
}
