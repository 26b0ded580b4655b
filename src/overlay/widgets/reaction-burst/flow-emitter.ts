/**
 * Turns "show N particles over the next W ms" into a continuous stream of whole particles per frame, so
 * updates arriving ten times a second read as one flow rather than ten puffs.
 *
 * It only ever owes what the present rate warrants: `schedule` caps the debt at one window's worth (plus
 * one particle), so updates piling up while frames are not drawn (a hidden source) never become a backlog.
 * The fractional remainder is carried, so a trickle of 0.3 particles per update still shows every third.
 */
export class FlowEmitter {
  private owed = 0;
  private perMs = 0;
  private fraction = 0;

  /** Particles still to come from the current window (fractional). */
  get pending(): number {
    return this.owed;
  }

  /** Owe `count` more particles, emitted evenly over `windowMs`, and never more than `count` + 1 in all. */
  schedule(count: number, windowMs: number): void {
    if (!(count > 0)) return;
    this.owed = Math.min(this.owed + count, count + 1);
    this.perMs = this.owed / Math.max(1, windowMs);
  }

  /** Whole particles due in the next `deltaMs`. */
  take(deltaMs: number): number {
    if (this.owed <= 0 || !(deltaMs > 0)) return 0;
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
