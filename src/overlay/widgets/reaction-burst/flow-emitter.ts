/**
 * Turns "show N particles over the next W ms" into a continuous stream of whole particles per frame, so
 * updates arriving ten times a second read as one flow rather than ten puffs.
 *
 * Two guards keep the screen from flooding:
 * - it only ever owes what the present update warrants: `schedule` caps the debt at that update's count
 *   plus one, so updates piling up while no frame is drawn (a hidden source) never become a backlog;
 * - a token bucket holds the flow to `ceilingPerSecond` sustained, with `burst` particles of slack, so a
 *   storm starting out of silence (before its rate is known) cannot overfill the pool.
 * The fractional remainder is carried, so a trickle of 0.3 particles per update still shows every third.
 */
export class FlowEmitter {
  private owed = 0;
  private perMs = 0;
  private fraction = 0;
  private tokens: number;

  constructor(
    private readonly ceilingPerSecond = Number.POSITIVE_INFINITY,
    private readonly burst = Number.POSITIVE_INFINITY,
  ) {
    this.tokens = burst;
  }

  /** Particles still to come from the current window (fractional). */
  get pending(): number {
    return this.owed;
  }

  /** Owe `count` more particles (as far as the bucket allows), emitted evenly over `windowMs`. */
  schedule(count: number, windowMs: number): void {
    const allowed = Math.min(count, this.tokens);
    if (!(allowed > 0)) return;
    this.tokens -= allowed;
    this.owed = Math.min(this.owed + allowed, allowed + 1);
    this.perMs = this.owed / Math.max(1, windowMs);
  }

  /** Whole particles due in the next `deltaMs`. */
  take(deltaMs: number): number {
    if (!(deltaMs > 0)) return 0;
    this.tokens = Math.min(this.burst, this.tokens + (this.ceilingPerSecond * deltaMs) / 1000);
    if (this.owed <= 0) return 0;
    const due = Math.min(this.owed, this.perMs * deltaMs);
    this.owed -= due;
    if (this.owed < 1e-9) this.owed = 0;
    this.fraction += due;
    const whole = Math.floor(this.fraction + 1e-9);
    this.fraction -= whole;
    return whole;
  }

  /** Forget what was owed (a jump to the present). The fractional carry goes too. */
  clear(): void {
    this.owed = 0;
    this.perMs = 0;
    this.fraction = 0;
  }
}
