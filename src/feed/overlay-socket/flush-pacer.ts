/**
 * Decides when the broadcaster sends. The first change after a quiet tick goes out at once (on the next
 * turn of the event loop, so the changes of one turn travel together); changes that follow within the
 * tick wait for its end and go out as one. An isolated reaction so reaches overlays within milliseconds
 * instead of waiting up to a whole tick, while a storm still gets at most one update per tick.
 */
export class FlushPacer {
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly flush: () => void,
    private readonly tickMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something changed: make sure a flush is coming, no sooner than a tick after the last one. */
  changed(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastFlushAt + this.tickMs - this.now());
    this.timer = setTimeout(() => this.flushNow(), wait);
    this.timer.unref?.();
  }

  /** Flushes now (a test that wants no wall-clock wait, or the timer above). */
  flushNow(): void {
    this.cancel();
    this.lastFlushAt = this.now();
    this.flush();
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
