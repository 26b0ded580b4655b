/**
 * Token buckets, one per key (per ingest token): `ratePerSecond` requests sustained, `burst` at once.
 * Time is injected so tests need no waiting.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new Error(`rate limit must be > 0 per second with a burst >= 1 (got ${ratePerSecond}/s, burst ${burst})`);
  }

  /** Takes one token: allowed, or how many whole seconds until one is free (for Retry-After). */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
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
