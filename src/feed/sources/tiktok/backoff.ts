/** How long to wait before the next connection attempt, per kind of failure. All in ms. */
export interface BackoffPolicy {
  /** First wait after an ordinary failure (network, TikTok hiccup); doubles each time. */
  baseMs: number;
  /** Ordinary failures never wait longer than this. */
  maxMs: number;
  /** First wait after the sign server said "rate limited"; doubles with each rate limit in a row. */
  rateLimitBaseMs: number;
  /** Rate-limited waits stop doubling here (unless the server's own Retry-After asks for longer). */
  rateLimitMaxMs: number;
  /** How often to look again while the stream is not live (ended, or not started yet). */
  offlinePollMs: number;
  /** Each wait is shortened by up to this fraction, at random, so many streams never retry in lockstep. */
  jitter: number;
}

/**
 * Defaults sized for a handful of streams on the free sign-server tier: connection attempts are what
 * the sign server rate-limits, so a rate limit backs off in minutes, not seconds.
 */
export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({
  baseMs: 1_000,
  maxMs: 60_000,
  rateLimitBaseMs: 60_000,
  rateLimitMaxMs: 10 * 60_000,
  offlinePollMs: 30_000,
  jitter: 0.2,
});

export type RetryReason =
  | { kind: 'failure'; attempt: number }
  | { kind: 'rate-limited'; attempt: number; retryAfterMs: number | null; untilResetMs?: number | null }
  | { kind: 'offline' };

/**
 * The wait before the next attempt. `attempt` counts failures of that kind in a row, from 1;
 * `random` is a number in [0, 1) (injected, so schedules are testable).
 * - failure:      min(maxMs, baseMs · 2^(attempt−1)), minus up to `jitter` of it;
 * - rate-limited: min(rateLimitMaxMs, rateLimitBaseMs · 2^(attempt−1)) minus jitter, but never less
 *                 than the Retry-After the sign server sent (SignatureRateLimitError.retryAfter), nor than
 *                 the time left until its limit resets (`untilResetMs`, from resetTime: a daily limit);
 * - offline:      offlinePollMs minus jitter.
 * Jitter only ever shortens a wait, so the caps are true maxima.
 */
export function retryDelayMs(reason: RetryReason, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const shorten = (ms: number) => Math.round(ms * (1 - policy.jitter * Math.min(Math.max(random, 0), 1)));
  switch (reason.kind) {
    case 'failure':
      return shorten(doubling(policy.baseMs, reason.attempt, policy.maxMs));
    case 'rate-limited':
      return Math.max(reason.retryAfterMs ?? 0, reason.untilResetMs ?? 0, shorten(doubling(policy.rateLimitBaseMs, reason.attempt, policy.rateLimitMaxMs)));
    case 'offline':
      return shorten(policy.offlinePollMs);
  }
}

function doubling(baseMs: number, attempt: number, maxMs: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}
