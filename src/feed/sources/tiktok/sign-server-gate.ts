/**
 * The sign server rate-limits connection attempts per API key (or per IP), not per stream: when one
 * stream is told to wait, every stream sharing the key must wait too, or the others would spend the
 * next window's budget at once. The TikTok sources of one feed share one gate.
 */
export class SignServerGate {
  private blockedUntil = 0;

  /** No attempt before `time` (ms since the epoch); a later block extends an earlier one, never shortens it. */
  blockUntil(time: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, time);
  }

  /** How long an attempt at `now` must still wait (0 when it may go). */
  waitMs(now: number): number {
    return Math.max(0, this.blockedUntil - now);
  }
}
