/** A limiter's answer: allowed, or how many whole seconds until a request is free (for Retry-After). */
export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Limits requests per key (per ingest token). The feed of one node counts them in memory (RateLimiter);
 * feed nodes sharing Redis count them there (scale-out/redis-rate-limit.ts), so the limit holds across
 * nodes. Both keep the same token bucket: `ratePerSecond` sustained, `burst` at once.
 */
export interface RequestLimiter {
  take(key: string): RateVerdict | Promise<RateVerdict>;
}

/** Checks a limit's settings as every limiter needs them; throws naming what is wrong. */
export function checkRateLimit(ratePerSecond: number, burst: number): void {
  if (!(ratePerSecond > 0) || !(burst >= 1)) throw new Error(`rate limit must be > 0 per second with a burst >= 1 (got ${ratePerSecond}/s, burst ${burst})`);
}

/**
 * Token buckets in memory, one per key: `ratePerSecond` requests sustained, `burst` at once.
 * Time is injected so tests need no waiting.
 */
export class RateLimiter implements RequestLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    checkRateLimit(ratePerSecond, burst);
  }

  /** Takes one token: allowed, or how many whole seconds until one is free (for Retry-After). */
  take(key: string): RateVerdict {
    const nowMs = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedMs: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * this.ratePerSecond);
    bucket.updatedMs = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSecond)) };
  }
}
